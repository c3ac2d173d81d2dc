/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform;

import dev.promptkit.provider.http.RequestAuthenticator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * AWS Bedrock's runtime API in one region ({@code https://bedrock-runtime.{region}.amazonaws.com}): a model is
 * streamed by {@code POST /model/{modelId}/invoke-with-response-stream}, which answers with an
 * {@code application/vnd.amazon.eventstream} body; requests are signed with SigV4 for the {@value #SIGNING_NAME}
 * service.
 *
 * @param region the AWS region, such as {@code us-east-1}
 * @param authenticator signs the requests, typically an {@link dev.promptkit.provider.platform.aws.AwsSigV4Authenticator}
 *
 * @since 0.1.0
 */
public record BedrockPlatform(String region, RequestAuthenticator authenticator) implements Platform {

    public static final String TYPE = "bedrock";
    /** The service name requests are signed for. */
    public static final String SIGNING_NAME = "bedrock";

    public BedrockPlatform {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String baseUrl() {
        return "https://bedrock-runtime." + region + ".amazonaws.com";
    }

    /**
     * The encoded path that streams {@code modelId} (a model id, an inference profile id or an ARN): every character
     * but the unreserved ones is percent-encoded, {@code :} as {@code %3A} and {@code /} as {@code %2F}, as the AWS
     * SDKs send it and sign it.
     */
    public String streamPath(String modelId) {
        String encoded = URLEncoder.encode(modelId, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
        return "/model/" + encoded + "/invoke-with-response-stream";
    }
}
