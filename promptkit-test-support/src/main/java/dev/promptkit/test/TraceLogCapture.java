/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Switches every Spring, Reactor, Netty and PromptKit logger to TRACE for one test, as {@code POST
 * /actuator/loggers} could in production, and keeps each line (message and stack trace) in memory instead of
 * printing it. Register with {@code @RegisterExtension}.
 */
public final class TraceLogCapture extends AppenderBase<ILoggingEvent>
        implements BeforeEachCallback, AfterEachCallback {

    /** The loggers switched to TRACE. */
    public static final List<String> LOGGERS = List.of("org.springframework", "reactor", "io.netty", "dev.promptkit");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Level> previousLevels = new ArrayList<>();
    private final List<Boolean> previousAdditivity = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
        setContext(loggers);
        start();
        for (String name : LOGGERS) {
            Logger logger = loggers.getLogger(name);
            previousLevels.add(logger.getLevel());
            previousAdditivity.add(logger.isAdditive());
            logger.setLevel(Level.TRACE);
            logger.setAdditive(false);
            logger.addAppender(this);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (int i = 0; i < LOGGERS.size(); i++) {
            Logger logger = loggers.getLogger(LOGGERS.get(i));
            logger.detachAppender(this);
            logger.setLevel(previousLevels.get(i));
            logger.setAdditive(previousAdditivity.get(i));
        }
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String line = event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
            line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
        }
        lines.add(line);
    }

    /** Every line logged so far, with its stack trace. */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
