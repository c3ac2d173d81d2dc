/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The current time, as the Go original's time provider gives it: {@code current_time} (ISO-8601 with
 * offset), {@code current_date}, {@code current_year}, {@code current_month}, {@code current_weekday}
 * and {@code current_hour}, read afresh every turn.
 *
 * @since 0.1.0
 */
public final class TimeVariables implements VariableProvider {

    private final Clock clock;

    public TimeVariables() {
        this(Clock.systemDefaultZone());
    }

    public TimeVariables(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Map<String, String>> variables(TurnRequest turn) {
        return Mono.fromSupplier(() -> {
            ZonedDateTime now = ZonedDateTime.now(clock);
            return Map.of("current_time", now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    "current_date", now.toLocalDate().toString(),
                    "current_year", String.valueOf(now.getYear()),
                    "current_month", now.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    "current_weekday", now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    "current_hour", String.valueOf(now.getHour()));
        });
    }
}
