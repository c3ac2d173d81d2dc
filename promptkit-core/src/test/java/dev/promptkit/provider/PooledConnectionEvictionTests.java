/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.Connection;
import reactor.netty.resources.ConnectionProvider.ConnectionMetadata;

/**
 * The pool's eviction test on real sockets: a connection whose server has closed it is recognised from the kernel's
 * TCP state while its event loop has not yet read the close (when the pool's own {@code isActive} test still says
 * it is open), besides closed and idle connections.
 */
class PooledConnectionEvictionTests {

    private static final Duration MAX_IDLE = Duration.ofSeconds(20);

    private final PooledConnectionEviction eviction = new PooledConnectionEviction(MAX_IDLE);
    private final CountDownLatch loopReleased = new CountDownLatch(1);
    private EventLoopGroup loops;

    @AfterEach
    void close() {
        loopReleased.countDown();
        if (loops != null) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void aConnectionTheServerClosedIsEvictedBeforeItsEventLoopHasSeenTheClose() throws Exception {
        assumeTrue(Epoll.isAvailable(), "Linux's native transport (the CI machine's)");
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Channel channel = connect(server);
            try (Socket serverSide = server.accept()) {
                assertThat(eviction.test(Connection.from(channel), idleFor(0))).as("an open connection").isFalse();

                // the event loop is busy (as it is under load) while the server closes the connection
                channel.eventLoop().execute(this::holdTheLoop);
                serverSide.close();

                assertThat(waitUntilClosedByServer(channel)).as("the kernel's TCP state shows the server's close")
                        .isTrue();
                assertThat(channel.isActive()).as("the event loop has not read the close yet").isTrue();
                assertThat(eviction.test(Connection.from(channel), idleFor(0))).isTrue();
            }
        }
    }

    @Test
    void aConnectionIdleForTheMaximumIdleTimeIsEvicted() {
        EmbeddedChannel channel = new EmbeddedChannel();

        assertThat(eviction.test(Connection.from(channel), idleFor(MAX_IDLE.toMillis() - 1))).isFalse();
        assertThat(eviction.test(Connection.from(channel), idleFor(MAX_IDLE.toMillis()))).isTrue();
    }

    @Test
    void aClosedConnectionIsEvicted() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.close();

        assertThat(eviction.test(Connection.from(channel), idleFor(0))).isTrue();
    }

    @Test
    void onOtherTransportsTheServersCloseIsLeftToTheResend() {
        assertThat(PooledConnectionEviction.closedByServer(new EmbeddedChannel())).isFalse();
    }

    private Channel connect(ServerSocket server) throws InterruptedException {
        loops = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        return new Bootstrap().group(loops).channel(EpollSocketChannel.class)
                .handler(new ChannelInboundHandlerAdapter())
                .connect(server.getInetAddress(), server.getLocalPort()).sync().channel();
    }

    private void holdTheLoop() {
        try {
            loopReleased.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls the TCP state for up to five seconds: the close travels through the loopback interface. */
    private static boolean waitUntilClosedByServer(Channel channel) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!PooledConnectionEviction.closedByServer(channel)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private static ConnectionMetadata idleFor(long millis) {
        return new ConnectionMetadata() {
            @Override
            public int acquireCount() {
                return 1;
            }

            @Override
            public long idleTime() {
                return millis;
            }

            @Override
            public long lifeTime() {
                return millis;
            }

            @Override
            public long releaseTimestamp() {
                return 0;
            }

            @Override
            public long allocationTimestamp() {
                return 0;
            }
        };
    }
}
