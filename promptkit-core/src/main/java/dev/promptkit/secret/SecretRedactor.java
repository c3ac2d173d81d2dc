/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.secret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text that leaves PromptKit: error bodies, errors reported inside a stream, exception
 * messages (whole cause chains), events and log lines. What it masks, with {@value #REDACTED}:
 * <ul>
 * <li>each known secret (an API key, a credential header's value) in any letter case, and any run of at least
 * {@value #MIN_FRAGMENT} of its characters: a copy without its vendor prefix ({@code sk-}, {@code sk-proj-},
 * {@code sk-ant-api03-}, {@code AIza}), a truncated or partly masked copy;</li>
 * <li>whatever follows {@code Bearer}, and the value after a credential header's name ({@code Authorization},
 * {@code Proxy-Authorization}, {@code x-api-key}, {@code x-goog-api-key}, {@code api-key}) or in a credential
 * query parameter ({@code key=}, {@code api_key=}, {@code access_token=}), even when the secret is not known
 * here (a gateway's token, another user's key).</li>
 * </ul>
 * Immutable and thread-safe; build one per client from its credentials and use it on every path out.
 *
 * @since 0.1.0
 */
public final class SecretRedactor {

    /** What a masked credential reads as. */
    public static final String REDACTED = "[redacted]";

    /** The shortest run of a known secret's characters that is masked wherever it appears. */
    public static final int MIN_FRAGMENT = 8;

    /** Knows no secret: masks only what follows {@code Bearer}, a credential header's name or query parameter. */
    public static final SecretRedactor NO_KNOWN_SECRETS = new SecretRedactor(List.of());

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)([A-Za-z0-9\\-._~+/]+=*)");
    private static final Pattern CREDENTIAL_HEADER = Pattern.compile("(?i)\\b(proxy-authorization|authorization"
            + "|x-goog-api-key|x-api-key|api-key|api_key|apikey)([\"']?\\s*[:=]\\s*[\"']?)((?:bearer|basic)\\s+)?"
            + "(?!(?:bearer|basic)\\s)([^\\s\"',;&}\\]\\[]+)");
    private static final Pattern CREDENTIAL_PARAMETER =
            Pattern.compile("(?i)([?&](?:key|api_key|api-key|apikey|access_token)=)([^&\\s\"'#\\[]+)");
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)^(bearer|basic|token)\\s+");
    private static final Pattern CREDENTIAL_HEADER_NAME =
            Pattern.compile("(?i).*(auth|key|token|secret|password|cookie|credential|signature).*");

    private final List<KnownSecret> secrets;

    private SecretRedactor(List<KnownSecret> secrets) {
        this.secrets = secrets;
    }

    /** A redactor for these secrets; {@code null} and blank ones are ignored. */
    public static SecretRedactor of(String... secrets) {
        return of(Arrays.asList(secrets));
    }

    /** A redactor for these secrets; {@code null} and blank ones are ignored. */
    public static SecretRedactor of(Collection<String> secrets) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                String value = secret.strip();
                Matcher scheme = AUTH_SCHEME.matcher(value);
                // "Bearer <token>": the token is the secret, the scheme and its space are not
                distinct.add(scheme.find() && value.length() > scheme.end() ? value.substring(scheme.end()) : value);
            }
        }
        return new SecretRedactor(distinct.stream().map(KnownSecret::new).toList());
    }

    /** This redactor, also knowing {@code more} secrets. */
    public SecretRedactor with(Collection<String> more) {
        List<String> all = new ArrayList<>();
        secrets.forEach(secret -> all.add(secret.value()));
        all.addAll(more);
        return of(all);
    }

    /**
     * The values of the headers (or environment variables) whose names say they carry a credential
     * ({@code Authorization}, anything with {@code key}, {@code token}, {@code secret}, {@code auth},
     * {@code password}, {@code cookie}, ...), for {@link #of(Collection)}.
     */
    public static List<String> credentialValues(Map<String, String> named) {
        List<String> values = new ArrayList<>();
        named.forEach((name, value) -> {
            if (name != null && CREDENTIAL_HEADER_NAME.matcher(name).matches()) {
                values.add(value);
            }
        });
        return values;
    }

    /** {@code text} with every credential masked; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = maskKnownSecrets(text);
        masked = replace(CREDENTIAL_HEADER, masked, m -> m.group(1) + m.group(2)
                + (m.group(3) == null ? "" : m.group(3)) + REDACTED);
        masked = replace(BEARER, masked, m -> m.group(1) + REDACTED);
        return replace(CREDENTIAL_PARAMETER, masked, m -> m.group(1) + REDACTED);
    }

    /** Whether {@code text} holds anything {@link #redact(String)} would mask. */
    public boolean reveals(String text) {
        return text != null && !text.equals(redact(text));
    }

    /**
     * {@code failure} itself when neither it nor any cause or suppressed exception reveals a credential (in its
     * message or {@code toString()}); otherwise a copy of the whole chain made of {@link RedactedException}s,
     * which keep each original's class name, masked message and stack trace. {@code null} stays {@code null}.
     */
    public Throwable redact(Throwable failure) {
        if (failure == null || !reveals(failure, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return failure;
        }
        return copy(failure, new IdentityHashMap<>());
    }

    private boolean reveals(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (reveals(failure.getMessage()) || reveals(failure.toString())) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (reveals(suppressed, seen)) {
                return true;
            }
        }
        return reveals(failure.getCause(), seen);
    }

    private RedactedException copy(Throwable failure, Map<Throwable, RedactedException> copies) {
        RedactedException known = copies.get(failure);
        if (known != null) {
            return known;
        }
        RedactedException copy = new RedactedException(failure.getClass().getName(), redact(failure.getMessage()));
        copies.put(failure, copy);
        copy.setStackTrace(failure.getStackTrace());
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            copy.initCause(copy(cause, copies));
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, copies));
        }
        return copy;
    }

    private String maskKnownSecrets(String text) {
        if (secrets.isEmpty()) {
            return text;
        }
        char[] lower = KnownSecret.lowerCase(text);
        boolean[] masked = new boolean[text.length()];
        boolean any = false;
        for (KnownSecret secret : secrets) {
            any |= secret.mark(lower, masked);
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!masked[i]) {
                out.append(text.charAt(i));
            }
            else if (i == 0 || !masked[i - 1]) {
                out.append(REDACTED);
            }
        }
        return out.toString();
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
        }
        while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return "SecretRedactor[" + secrets.size() + " known secrets]";
    }
}
