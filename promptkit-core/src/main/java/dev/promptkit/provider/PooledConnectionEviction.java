/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.epoll.EpollSocketChannel;
import java.time.Duration;
import java.util.function.BiPredicate;
import org.springframework.util.ClassUtils;
import reactor.netty.Connection;
import reactor.netty.resources.ConnectionProvider.ConnectionMetadata;

/**
 * Which pooled connections may not be handed out again, tested by Reactor Netty's pool when a connection is
 * released, when it is about to be acquired and in the background: one that is closed or not kept alive (what the
 * pool tests by default), one idle for the pool's maximum idle time, and one whose server has already closed it
 * although the connection's event loop has not read that yet.
 *
 * <p>The last case is the common one under load: a server that caps its idle connections (the JDK's
 * {@code HttpServer}, a proxy) closes the connection whose response just ended, and a pool that hands out the most
 * recently used connection first (as PromptKit's do) would give exactly that one to the next request, which then fails
 * before any answer and must be sent again (PromptKit's own clients re-send it). On Linux's native transport the
 * kernel already knows: the socket has left the {@code ESTABLISHED} state once the server's FIN or reset arrived,
 * which one {@code getsockopt(TCP_INFO)} reads. On other transports that test is skipped and the re-send covers
 * the case. Every Reactor Netty pool of ours uses it (the providers', the services' and the MCP client's), and your
 * own {@code WebClient}'s pool can too: {@code ConnectionProvider.builder(name).evictionPredicate(new
 * PooledConnectionEviction(Duration.ofSeconds(20)))}.
 *
 * @since 0.1.0
 */
public final class PooledConnectionEviction implements BiPredicate<Connection, ConnectionMetadata> {

    private static final boolean EPOLL_PRESENT = ClassUtils.isPresent("io.netty.channel.epoll.EpollSocketChannel",
            PooledConnectionEviction.class.getClassLoader());

    private final long maxIdleMillis;

    /** @param maxIdleTime how long a connection may stay idle in the pool */
    public PooledConnectionEviction(Duration maxIdleTime) {
        this.maxIdleMillis = maxIdleTime.toMillis();
    }

    @Override
    public boolean test(Connection connection, ConnectionMetadata metadata) {
        Channel channel = connection.channel();
        return !channel.isActive() || !connection.isPersistent() || metadata.idleTime() >= maxIdleMillis
                || closedByServer(channel);
    }

    /** Whether the socket under {@code channel} has left {@code ESTABLISHED}; false where that cannot be read. */
    static boolean closedByServer(Channel channel) {
        return EPOLL_PRESENT && NativeSocketState.closedByPeer(channel);
    }

    /** Reads the TCP state of Linux epoll channels; loaded only when Netty's epoll classes are present. */
    private static final class NativeSocketState {

        /** {@code TCP_ESTABLISHED} in Linux's {@code tcp_states.h}. */
        private static final int ESTABLISHED = 1;

        static boolean closedByPeer(Channel channel) {
            if (!(channel instanceof EpollSocketChannel socket)) {
                return false;
            }
            try {
                return socket.tcpInfo().state() != ESTABLISHED;
            }
            catch (ChannelException closed) {
                // the descriptor is gone: the connection is closed
                return true;
            }
        }
    }
}
