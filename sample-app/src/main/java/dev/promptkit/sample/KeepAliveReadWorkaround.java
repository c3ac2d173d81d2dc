/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import reactor.netty.channel.ChannelOperations;

/**
 * Works around a bug of the Reactor Netty 1.3.6 and 1.3.7 server (reactor/reactor-netty#4361), fixed in Reactor
 * Netty 1.3.8, which Spring Boot 4.1.2 brings: delete this class with that upgrade.
 *
 * <p>When a request waits on a keep-alive connection behind one not finished yet (a turn answered on a worker
 * thread, then the client's next request: the approvals, the history) and is answered at once, the server drains
 * the rest of it without asking the socket for more. It never reads that connection's next request, and the
 * client waits until it gives up.
 */
@Configuration(proxyBeanMethods = false)
class KeepAliveReadWorkaround {

    @Bean
    NettyServerCustomizer readAfterEachRequest() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpTrafficHandler, "sample.readAfterEachRequest",
                        new ReadAfterEachRequest());
            }
        });
    }

    /** Asks for the next request once one has been read to its end and answered, as Reactor Netty 1.3.8 does. */
    private static final class ReadAfterEachRequest extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            boolean end = msg instanceof LastHttpContent;
            ctx.fireChannelRead(msg);
            // No operations bound: the response is done, so the connection is idle until it reads again.
            if (end && ctx.channel().isActive() && ChannelOperations.get(ctx.channel()) == null) {
                ctx.read();
            }
        }
    }
}
