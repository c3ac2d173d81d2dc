/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says in the start-up log where the chat page is, once the web server listens (not for a management port). */
@Component
class ChatPageAddressLog implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ChatPageAddressLog.class);

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        String address = event.getApplicationContext().getEnvironment().getProperty("server.address");
        log.info("Chat page: http://{}:{}/ (the API is under /api/conversations, the actuator under /actuator)",
                host(address), event.getWebServer().getPort());
    }

    /** {@code localhost} unless the server listens on one particular address. */
    private static String host(String address) {
        if (address == null) {
            return "localhost";
        }
        try {
            InetAddress listening = InetAddress.getByName(address);
            if (listening.isAnyLocalAddress() || listening.isLoopbackAddress()) {
                return "localhost";
            }
            return listening.getHostAddress().contains(":") ? "[" + listening.getHostAddress() + "]"
                    : listening.getHostAddress();
        }
        catch (UnknownHostException unresolved) {
            return address;
        }
    }
}
