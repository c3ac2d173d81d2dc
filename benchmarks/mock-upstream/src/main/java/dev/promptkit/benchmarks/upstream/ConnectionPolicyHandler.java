/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.upstream;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledFuture;

/**
 * Applies a {@link ServerConnectionPolicy} to one connection. Sits right after the HTTP codec, so it sees each
 * request's head arrive and each response's last content leave; all its state is the connection's event loop's.
 */
final class ConnectionPolicyHandler extends ChannelDuplexHandler {

    private final ServerConnectionPolicy policy;
    private int requests;
    private boolean lastRequest;
    private boolean idle;
    private boolean dropping;
    private ScheduledFuture<?> idleTimer;

    ConnectionPolicyHandler(ServerConnectionPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        policy.counters().opened.incrementAndGet();
        policy.counters().open.incrementAndGet();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        leaveIdle();
        policy.counters().open.decrementAndGet();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            leaveIdle();
            requests++;
            if (policy.resetAfterAccept() > 0 && ThreadLocalRandom.current().nextDouble() < policy.resetAfterAccept()) {
                policy.counters().resetAfterAccept.incrementAndGet();
                dropping = true;
                ReferenceCountUtil.release(msg);
                ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                ctx.close();
                return;
            }
            lastRequest = policy.maxRequestsPerConnection() > 0 && requests >= policy.maxRequestsPerConnection();
        }
        if (dropping) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && lastRequest) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        if (msg instanceof LastHttpContent) {
            ChannelPromise written = promise.unvoid();
            written.addListener(done -> responseEnded(ctx));
            ctx.write(msg, written);
            return;
        }
        ctx.write(msg, promise);
    }

    private void responseEnded(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (lastRequest) {
            policy.counters().closedMaxRequests.incrementAndGet();
            ctx.close();
            return;
        }
        if (!policy.enterIdle()) {
            policy.counters().closedIdleOverCap.incrementAndGet();
            ctx.close();
            return;
        }
        idle = true;
        if (!policy.idleTimeout().isZero()) {
            idleTimer = ctx.executor().schedule(() -> {
                if (idle && ctx.channel().isActive()) {
                    leaveIdle();
                    policy.counters().closedIdleTimeout.incrementAndGet();
                    ctx.close();
                }
            }, policy.idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void leaveIdle() {
        if (!idle) {
            return;
        }
        idle = false;
        policy.leaveIdle();
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
    }
}
