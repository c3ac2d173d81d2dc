/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JsonTokenId;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/**
 * A non-blocking parser fed one whole payload at a time, seen as a parser of that payload alone: where the fed
 * bytes run out between root values, it reports the end of input ({@code null}), as a parser of the payload's
 * text would; where they run out inside a value, the payload is truncated and reading it fails. Every way of
 * advancing the parser is checked, so that a tree reader working on it sees the same ends as the caller does.
 */
final class PayloadTokens extends JsonParserDelegate {

    /**
     * The shared mapper's factory, except that each parser gets buffers of its own instead of a recycler from the
     * shared pool: a parser that lives as long as its stream would hold a pooled recycler, with whatever buffers
     * earlier users grew in it, for as long, and leave the others (request bodies written, trees read) to
     * allocate fresh ones meanwhile.
     */
    private static final JsonFactory FACTORY = JsonMapper.shared().tokenStreamFactory().rebuild()
            .recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build();

    private final ByteArrayFeeder feeder;
    /** Whether there is no current token: before the payload's first one, or at its end. */
    private boolean noToken = true;
    private boolean atEnd;

    private PayloadTokens(JsonParser parser) {
        super(parser);
        // the factory's parser is both, as its declared type says; a variable of both types cannot be declared
        this.feeder = (ByteArrayFeeder) parser;
    }

    /**
     * A new parser, fed nothing yet: a bare token parser, as the mapper's own would also build a deserialization
     * context, which a streaming reader does not need (it reads any subtree with an {@code ObjectReader}).
     */
    static PayloadTokens open() {
        return new PayloadTokens(FACTORY.createNonBlockingByteArrayParser(ObjectReadContext.empty()));
    }

    /** Feeds the next payload, {@code bytes[0..length)}; the previous one must have been read to its end. */
    void feed(byte[] bytes, int length) {
        atEnd = false;
        noToken = true;
        feeder.feedInput(bytes, 0, length);
    }

    /** Whether the payload fed last was read to its end, so that the parser can take the next one. */
    boolean atEnd() {
        return atEnd;
    }

    @Override
    public JsonToken nextToken() {
        return checked(delegate.nextToken());
    }

    @Override
    public JsonToken nextValue() {
        return checked(delegate.nextValue());
    }

    @Override
    public String nextName() {
        String name = delegate.nextName();
        checked(delegate.currentToken());
        return name;
    }

    @Override
    public boolean nextName(SerializableString expected) {
        boolean matched = delegate.nextName(expected);
        checked(delegate.currentToken());
        return matched;
    }

    @Override
    public int nextNameMatch(PropertyNameMatcher matcher) {
        int match = delegate.nextNameMatch(matcher);
        checked(delegate.currentToken());
        return match;
    }

    @Override
    public JsonToken currentToken() {
        return noToken ? null : delegate.currentToken();
    }

    @Override
    public int currentTokenId() {
        return noToken ? JsonTokenId.ID_NO_TOKEN : delegate.currentTokenId();
    }

    @Override
    public boolean hasToken(JsonToken token) {
        return noToken ? token == null : delegate.hasToken(token);
    }

    @Override
    public boolean hasCurrentToken() {
        return !noToken && delegate.hasCurrentToken();
    }

    private JsonToken checked(JsonToken token) {
        if (token != JsonToken.NOT_AVAILABLE) {
            noToken = token == null;
            return token;
        }
        if (!delegate.streamReadContext().inRoot()) {
            throw new StreamReadException(delegate, "the payload ends inside a value");
        }
        atEnd = true;
        noToken = true;
        return null;
    }
}
