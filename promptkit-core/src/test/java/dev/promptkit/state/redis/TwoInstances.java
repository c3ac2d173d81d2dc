package dev.promptkit.state.redis;

import dev.promptkit.test.PrivateRedisCluster;
import java.util.UUID;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The connections of two application instances to one Redis deployment, and a key prefix of the test class's own:
 * on the shared Redis (given by {@code RealRedis}, which closes the connections; {@link #close()} deletes the keys
 * under the prefix), or on a private cluster ({@link #close()} closes the connections it opened).
 */
public final class TwoInstances implements AutoCloseable {

    private final LettuceConnectionFactory first;
    private final LettuceConnectionFactory second;
    private final String prefix;
    private final boolean opened;

    private TwoInstances(LettuceConnectionFactory first, LettuceConnectionFactory second, String prefix,
            boolean opened) {
        this.first = first;
        this.second = second;
        this.prefix = prefix;
        this.opened = opened;
    }

    public static TwoInstances onSharedRedis(LettuceConnectionFactory first, LettuceConnectionFactory second) {
        return new TwoInstances(first, second, TestKeyPrefix.random().value(), false);
    }

    public static TwoInstances onCluster(PrivateRedisCluster cluster) {
        return new TwoInstances(cluster.connectionFactory(), cluster.connectionFactory(), "cluster-" + UUID.randomUUID(),
                true);
    }

    /** The connections of the instance under test. */
    public LettuceConnectionFactory first() {
        return first;
    }

    /** The connections of the other instance. */
    public LettuceConnectionFactory second() {
        return second;
    }

    public String prefix() {
        return prefix;
    }

    @Override
    public void close() {
        if (opened) {
            first.destroy();
            second.destroy();
        }
        else {
            new TestKeyPrefix(prefix).deleteKeys(first);
        }
    }
}
