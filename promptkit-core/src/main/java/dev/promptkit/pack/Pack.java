/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded PromptPack (format v1.4.0): prompts keyed by name, shared fragments and tools, and the pack-level
 * metadata, evals, workflow, agents and skills. Immutable; maps keep the order of the pack file, and absent
 * collections are empty, never {@code null}. Load one with {@link PackLoader}, which also records the pack's
 * {@link #warnings()}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pack(
        @JsonProperty("$schema") String schema,
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("version") String version,
        @JsonProperty("description") String description,
        @JsonProperty("template_engine") TemplateEngine templateEngine,
        @JsonProperty("prompts") Map<String, Prompt> prompts,
        @JsonProperty("fragments") Map<String, String> fragments,
        @JsonProperty("tools") Map<String, ToolDef> tools,
        @JsonProperty("metadata") PackMetadata metadata,
        @JsonProperty("compilation") Compilation compilation,
        @JsonProperty("evals") List<Eval> evals,
        @JsonProperty("workflow") WorkflowConfig workflow,
        @JsonProperty("agents") AgentsConfig agents,
        @JsonProperty("skills") List<SkillSource> skills,
        @JsonIgnore List<PackWarning> warnings) {

    public Pack {
        prompts = Immutable.map(prompts);
        fragments = Immutable.map(fragments);
        tools = Immutable.map(tools);
        evals = Immutable.list(evals);
        skills = Immutable.list(skills);
        warnings = Immutable.list(warnings);
    }

    /**
     * What the loader found that loads but may not work as meant ({@link PackWarning}), in pointer order; not part of
     * the pack document.
     */
    @Override
    public List<PackWarning> warnings() {
        return warnings;
    }

    /** This pack with {@code found} as its warnings. */
    public Pack withWarnings(List<PackWarning> found) {
        return new Pack(schema, id, name, version, description, templateEngine, prompts, fragments, tools, metadata,
                compilation, evals, workflow, agents, skills, found);
    }

    /** The prompt stored under {@code promptName} (the key in {@code prompts}), if any. */
    public Optional<Prompt> prompt(String promptName) {
        return Optional.ofNullable(prompts.get(promptName));
    }
}
