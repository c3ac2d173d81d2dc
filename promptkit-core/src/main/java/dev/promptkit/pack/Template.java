/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed template: literal text and {@code {{name}}} placeholders. Parse a template once and render it as often as
 * needed; instances are immutable and thread-safe.
 *
 * <p>A placeholder is two opening braces, optional spaces or tabs, a name, optional spaces or tabs, and two closing
 * braces: {@code {{name}}} or {@code {{ name }}}. A name starts with a letter or {@code _} and goes on with letters,
 * digits, {@code _}, {@code -} and {@code .}; anything else between braces (such as {@code {{#if x}}}) is literal
 * text. {@code {{fragments.x}}} stands for the pack fragment {@code x}; every other name is a variable, looked up by
 * its full name (so {@code {{artifacts.sha}}} is the variable {@code artifacts.sha}).
 *
 * <p>Rendering replaces every placeholder that has a value, then renders the result again, up to
 * {@value #MAX_PASSES} passes, so that fragments and values may themselves contain placeholders. A value is therefore
 * template text: a variable holding untrusted input can pull in any other variable or fragment.
 *
 * @since 0.1.0
 */
public final class Template {

    /** The most substitution passes {@link #render} makes before giving up. */
    public static final int MAX_PASSES = 10;

    private static final String FRAGMENT_PREFIX = "fragments.";

    private final String text;
    private final List<Segment> segments;

    private Template(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** Parses {@code text}; never fails, since text that is not a placeholder is literal. */
    public static Template parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Template(text, scan(text));
    }

    /** The template text as given. */
    public String text() {
        return text;
    }

    /** The variables this template names directly, in order of first appearance; fragments are not followed. */
    public Set<String> variableNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (segment instanceof Placeholder p && !p.isFragment()) {
                names.add(p.name());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** The fragments this template names ({@code x} for {@code {{fragments.x}}}), in order of first appearance. */
    public Set<String> fragmentNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (segment instanceof Placeholder p && p.isFragment()) {
                names.add(p.fragmentName());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * The variables this template needs once its fragments are included: those it names and those named by the
     * fragments it uses, followed through fragments that use other fragments. Missing fragments are skipped.
     */
    public Set<String> variableNames(Map<String, String> fragments) {
        Set<String> names = new LinkedHashSet<>();
        collectVariables(this, fragments, names, new LinkedHashSet<>());
        return Collections.unmodifiableSet(names);
    }

    private static void collectVariables(Template template, Map<String, String> fragments, Set<String> names,
            Set<String> visitedFragments) {
        names.addAll(template.variableNames());
        for (String fragment : template.fragmentNames()) {
            String body = fragments.get(fragment);
            if (body != null && visitedFragments.add(fragment)) {
                collectVariables(parse(body), fragments, names, visitedFragments);
            }
        }
    }

    /**
     * Renders this template with {@code variables} and the pack's {@code fragments}.
     *
     * @throws TemplateException if placeholders remain once no pass replaces anything more, or after
     *         {@value #MAX_PASSES} passes; it lists every placeholder left
     */
    public String render(Map<String, String> variables, Map<String, String> fragments) {
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(fragments, "fragments");
        Template current = this;
        for (int pass = 1; current.hasPlaceholders(); pass++) {
            StringBuilder out = new StringBuilder(current.text.length());
            boolean replaced = current.substitute(variables, fragments, out);
            Template next = parse(out.toString());
            if (next.hasPlaceholders() && (!replaced || pass == MAX_PASSES)) {
                List<String> left = List.copyOf(next.placeholderNames());
                boolean passLimitReached = left.stream().anyMatch(name -> valueOf(name, variables, fragments) != null);
                throw new TemplateException(left, passLimitReached);
            }
            current = next;
        }
        return current.text;
    }

    private boolean substitute(Map<String, String> variables, Map<String, String> fragments, StringBuilder out) {
        boolean replaced = false;
        for (Segment segment : segments) {
            if (segment instanceof Literal literal) {
                out.append(literal.text());
                continue;
            }
            Placeholder placeholder = (Placeholder) segment;
            String value = valueOf(placeholder.name(), variables, fragments);
            if (value == null) {
                out.append(placeholder.source());
            }
            else {
                out.append(value);
                replaced = true;
            }
        }
        return replaced;
    }

    private static String valueOf(String name, Map<String, String> variables, Map<String, String> fragments) {
        return name.startsWith(FRAGMENT_PREFIX) ? fragments.get(name.substring(FRAGMENT_PREFIX.length()))
                : variables.get(name);
    }

    private boolean hasPlaceholders() {
        return segments.stream().anyMatch(Placeholder.class::isInstance);
    }

    private Set<String> placeholderNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (segment instanceof Placeholder p) {
                names.add(p.name());
            }
        }
        return names;
    }

    /** Splits {@code text} into literals and placeholders in one forward scan (linear even on hostile input). */
    private static List<Segment> scan(String text) {
        List<Segment> segments = new ArrayList<>();
        int literalStart = 0;
        int open = text.indexOf("{{");
        while (open >= 0) {
            int end = placeholderEnd(text, open);
            if (end < 0) {
                open = text.indexOf("{{", open + 1);
                continue;
            }
            if (open > literalStart) {
                segments.add(new Literal(text.substring(literalStart, open)));
            }
            String source = text.substring(open, end);
            segments.add(new Placeholder(source.substring(2, source.length() - 2).strip(), source));
            literalStart = end;
            open = text.indexOf("{{", end);
        }
        if (literalStart < text.length()) {
            segments.add(new Literal(text.substring(literalStart)));
        }
        return List.copyOf(segments);
    }

    /** The index just past the placeholder that starts at {@code open}, or -1 if none starts there. */
    private static int placeholderEnd(String text, int open) {
        int i = skipBlanks(text, open + 2);
        if (i >= text.length() || !isNameStart(text.charAt(i))) {
            return -1;
        }
        while (i < text.length() && isNamePart(text.charAt(i))) {
            i++;
        }
        i = skipBlanks(text, i);
        return text.startsWith("}}", i) ? i + 2 : -1;
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    private sealed interface Segment permits Literal, Placeholder {
    }

    private record Literal(String text) implements Segment {
    }

    private record Placeholder(String name, String source) implements Segment {

        boolean isFragment() {
            return name.startsWith(FRAGMENT_PREFIX);
        }

        String fragmentName() {
            return name.substring(FRAGMENT_PREFIX.length());
        }
    }
}
