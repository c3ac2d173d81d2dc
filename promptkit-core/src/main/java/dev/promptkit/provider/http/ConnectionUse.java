/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;

/**
 * What one connection has carried: how many requests were begun on it and how many bytes of response it has
 * read (after TLS, before HTTP decoding). From these an {@link ExchangeAttempt} tells whether its request went
 * out on a reused connection and whether any byte of an answer came back. Each connection has its own instance,
 * in its pipeline; it is written on the connection's event loop only.
 */
final class ConnectionUse extends ChannelInboundHandlerAdapter {

    private static final String NAME = "promptkit.connectionUse";

    private volatile int requests;
    private volatile long bytesRead;

    /** Puts a counter into a new HTTP/1.1 connection's pipeline, in front of the HTTP codec. */
    static void install(Channel channel) {
        if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
            channel.pipeline().addBefore(NettyPipeline.HttpCodec, NAME, new ConnectionUse());
        }
    }

    /** The counter of {@code connection}, or {@code null} if it has none. */
    static ConnectionUse of(Connection connection) {
        return connection.channel().pipeline().get(ConnectionUse.class);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof ByteBuf bytes) {
            bytesRead += bytes.readableBytes();
        }
        context.fireChannelRead(message);
    }

    /**
     * Counts a request begun on this connection and says how many were begun on it before. Requests on one
     * connection follow one another, so the count has a single writer at a time.
     */
    int beginRequest() {
        return requests++;
    }

    /** The bytes of response read on this connection so far. */
    long bytesRead() {
        return bytesRead;
    }
}
