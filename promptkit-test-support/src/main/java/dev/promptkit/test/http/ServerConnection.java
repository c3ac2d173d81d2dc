/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One connection of the {@link LoopbackHttpServer}, served on a thread of its own: reads a request, drops it or
 * answers it as the {@link ConnectionConduct} says, and keeps the connection alive until the conduct, the client
 * or the server ends it. Any thread may end it ({@link #end}); idle state is guarded by this object.
 */
final class ServerConnection implements Runnable {

    private final LoopbackHttpServer server;
    private final Socket socket;
    private final int number;
    private final ConnectionConduct conduct;
    private int served;
    private long idleSince = -1;
    private boolean doomed;
    private boolean ended;

    ServerConnection(LoopbackHttpServer server, Socket socket, int number, ConnectionConduct conduct) {
        this.server = server;
        this.socket = socket;
        this.number = number;
        this.conduct = conduct;
    }

    @Override
    public void run() {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            RequestReader requests = new RequestReader(in, number);
            for (LoopbackRequest request = requests.next(1); request != null && serve(request, in, out);
                    request = requests.next(request.indexOnConnection() + 1)) {
                // serve answered and the connection stays open for the next request
            }
        }
        catch (IOException clientWentAwayOrServerEndedIt) {
            // the connection is over either way
        }
        finally {
            server.forget(this);
        }
    }

    /** Answers or drops {@code request}; whether the connection stays open for another. */
    private boolean serve(LoopbackRequest request, InputStream in, OutputStream out) throws IOException {
        boolean reused;
        boolean closedBeforeArrival;
        synchronized (this) {
            reused = served > 0;
            closedBeforeArrival = ended || doomed || conduct.timing() == CloseTiming.AS_NEXT_REQUEST_ARRIVES
                    && idleSince >= 0 && conduct.idleTooLong(System.nanoTime() - idleSince);
            idleSince = -1;
        }
        server.received(request);
        if (closedBeforeArrival || conduct.drops(number, request.indexOnConnection())) {
            server.dropped(reused);
            drop(closedBeforeArrival ? conduct.ending() : conduct.dropEnding(), in);
            return false;
        }
        LoopbackResponse response = answer(request);
        int servedNow;
        synchronized (this) {
            servedNow = ++served;
        }
        boolean lastAllowed = conduct.maxRequestsPerConnection() > 0 && servedNow >= conduct.maxRequestsPerConnection();
        boolean announceClose = "close".equalsIgnoreCase(request.header("connection"))
                || lastAllowed && conduct.announceLastRequest();
        if (!response.isCut()) {
            server.answered(); // counted before it is sent: the client may act on it at once
        }
        write(response, announceClose, out);
        if (response.isCut()) {
            end(response.cutEnding());
            return false;
        }
        if (announceClose) {
            return false;
        }
        if (lastAllowed) {
            return dismiss();
        }
        synchronized (this) {
            idleSince = System.nanoTime();
        }
        server.becameIdle(this);
        return true;
    }

    /** The responder's answer, or a 500 naming what went wrong in it. */
    private LoopbackResponse answer(LoopbackRequest request) {
        try {
            return server.answer(request);
        }
        catch (RuntimeException failure) {
            return LoopbackResponse.of(500, "text/plain", "the test's responder failed: " + failure);
        }
    }

    private void drop(ConnectionEnding ending, InputStream in) throws IOException {
        end(ending);
        if (ending == ConnectionEnding.HALF_CLOSE) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private void write(LoopbackResponse response, boolean close, OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(response.status() < 400 ? "OK" : "Error").append("\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body(), 0, response.isCut() ? Math.min(response.cutAfter(), response.body().length)
                : response.body().length);
        out.flush();
    }

    /**
     * Ends this idle connection as the conduct says: at once, or as the client's next request arrives.
     *
     * @return whether the connection stays open (until that request)
     */
    boolean dismiss() {
        if (conduct.timing() == CloseTiming.AT_ONCE) {
            end(conduct.ending());
            return false;
        }
        synchronized (this) {
            doomed = true;
        }
        return true;
    }

    /**
     * Dismisses this connection (see {@link #dismiss()}) if it is still idle since {@code since}: a connection whose
     * next request has begun to be served in the meantime is left alone, as a server's own bookkeeping would, so that
     * a request is never both answered and cut off.
     */
    void dismissIfIdleSince(long since) {
        if (conduct.timing() == CloseTiming.AT_ONCE) {
            endIfIdleSince(since, conduct.ending());
            return;
        }
        synchronized (this) {
            if (!ended && idleSince == since) {
                doomed = true;
            }
        }
    }

    /** Ends this connection if it is still idle since {@code since} (see {@link #dismissIfIdleSince}). */
    void endIfIdleSince(long since, ConnectionEnding ending) {
        synchronized (this) {
            if (ended || doomed || idleSince != since) {
                return;
            }
            ended = true;
        }
        close(ending);
    }

    /** Ends the connection: closed, reset, or shut for output only. */
    void end(ConnectionEnding ending) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        close(ending);
    }

    private void close(ConnectionEnding ending) {
        try {
            switch (ending) {
                case CLOSE -> socket.close();
                case RESET -> {
                    socket.setSoLinger(true, 0);
                    socket.close();
                }
                case HALF_CLOSE -> socket.shutdownOutput();
            }
        }
        catch (IOException alreadyGone) {
            // nothing left to end
        }
    }

    /** Since when this connection has been idle (kept alive with no request), or -1 if it is not idle. */
    synchronized long idleSince() {
        return doomed || ended ? -1 : idleSince;
    }
}
