/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.http.RequestAuthenticator.Authentication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The signer against AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite: access key
 * {@code AKIDEXAMPLE}, region {@code us-east-1}, service {@code service}, signed at 2015-08-30T12:36:00Z), and
 * {@link AwsSigV4Authenticator}, which signs PromptKit's POSTs with credentials of the AWS SDK, on the POST cases.
 */
class SigV4TestVectorTests {

    private static final AwsBasicCredentials SUITE = AwsBasicCredentials.create("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final Clock SUITE_TIME = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);
    private static final String SCOPE = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/"
            + "aws4_request, ";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "get-vanilla, GET, /, , , host;x-amz-date, 5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
        "get-vanilla-query-order-key-case, GET, /?Param2=value2&Param1=value1, , , host;x-amz-date,"
                + " b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
        "post-vanilla, POST, /, , , host;x-amz-date, 5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
        "post-vanilla-query, POST, /?Param1=value1, , , host;x-amz-date,"
                + " 28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11",
        "post-x-www-form-urlencoded, POST, /, application/x-www-form-urlencoded, Param1=value1,"
                + " content-type;host;x-amz-date, ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
    })
    void theSignerMatchesTheSuite(String name, String method, String target, String contentType, String body,
            String signedHeaders, String signature) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);

        Map<String, String> signed = new SigV4Signer("us-east-1", "service").sign(method,
                URI.create("https://example.amazonaws.com" + target), headers, payload,
                new SigV4Signer.Credentials(SUITE.accessKeyId(), SUITE.secretAccessKey(), null), SUITE_TIME.instant());

        assertThat(signed).containsOnlyKeys("Authorization", "X-Amz-Date")
                .containsEntry("Authorization", SCOPE + "SignedHeaders=" + signedHeaders + ", Signature=" + signature)
                .containsEntry("X-Amz-Date", "20150830T123600Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "post-vanilla, /, 5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
        "post-vanilla-query, /?Param1=value1, 28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11",
    })
    void theAuthenticatorMatchesTheSuite(String name, String target, String signature) {
        AwsSigV4Authenticator authenticator = AwsSigV4Authenticator.of("us-east-1", "service",
                StaticCredentialsProvider.create(SUITE)).withClock(SUITE_TIME);

        Authentication authentication = authenticator.authenticate(URI.create("https://example.amazonaws.com"
                + target), new byte[0]).block();

        assertThat(authentication.headers()).containsOnlyKeys("Authorization", "X-Amz-Date")
                .containsEntry("Authorization", SCOPE + "SignedHeaders=host;x-amz-date, Signature=" + signature)
                .containsEntry("X-Amz-Date", "20150830T123600Z");
        assertThat(authentication.secrets()).contains("AKIDEXAMPLE", signature);
        assertThat(authentication.toString()).doesNotContain("AKIDEXAMPLE", signature);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource("post-sts-header-before, AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqw"
            + "AeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7"
            + "WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc"
            + "8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==")
    void theAuthenticatorSignsTheSessionToken(String name, String token) {
        AwsSigV4Authenticator authenticator = AwsSigV4Authenticator.of("us-east-1", "service",
                StaticCredentialsProvider.create(AwsSessionCredentials.create(SUITE.accessKeyId(),
                        SUITE.secretAccessKey(), token))).withClock(SUITE_TIME);

        Authentication authentication = authenticator.authenticate(URI.create("https://example.amazonaws.com/"),
                new byte[0]).block();

        assertThat(authentication.headers()).containsEntry("X-Amz-Security-Token", token);
        assertThat(authentication.headers().get("Authorization"))
                .contains("SignedHeaders=host;x-amz-date;x-amz-security-token");
        assertThat(authentication.secrets()).contains(token);
    }
}
