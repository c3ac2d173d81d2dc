/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.tool.http.HttpToolHooks;
import dev.promptkit.types.ToolResult;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

/** {@code promptkit.tools.http.*}, and {@link HttpToolHooks} beans picked up by tool name. */
class HttpToolPropertiesTests {

    private static final String TOKEN = "shop-token-0123456789";

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    private MockWebServer shop;

    @BeforeEach
    void startShop() throws Exception {
        shop = new MockWebServer();
        shop.start();
    }

    @AfterEach
    void stopShop() {
        shop.close();
    }

    @Test
    void anHttpToolAnswersThePackToolWithTheHooksOfTheBeanNamedAfterIt() throws InterruptedException {
        shop.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"order\":{\"id\":\"A-1\",\"status\":\"shipped\",\"card\":\"4242\"},\"echo\":\"" + TOKEN
                        + "\"}").build());
        HttpToolHooks hooks = HttpToolHooks.NONE
                .withTransform(arguments -> {
                    arguments.put("order_id", ((String) arguments.get("order_id")).toLowerCase());
                    return arguments;
                })
                .withPreRequest(request -> request.header("X-Seen-Authorization", request.headers().get("authorization")))
                .withPostProcess(result -> "order " + result);
        contextRunner.withPropertyValues("promptkit.tools.http[lookup_order].url=" + orders(),
                "promptkit.tools.http[lookup_order].method=get",
                "promptkit.tools.http[lookup_order].headers-from-env.authorization.variable=SHOP_TOKEN",
                "promptkit.tools.http[lookup_order].headers-from-env.authorization.scheme=Bearer",
                "promptkit.tools.http[lookup_order].redact=/order/card",
                "promptkit.tools.http[lookup_order].select=/order", "SHOP_TOKEN=" + TOKEN)
                .withBean("lookup_order", HttpToolHooks.class, () -> hooks)
                .run(context -> {
                    Conversation chat = context.getBean(Conversations.class).open("chat");

                    Response response = chat.send("where is order A-1?");

                    assertThat(response.toolResults()).singleElement().extracting(ToolResult::content)
                            .isEqualTo("order {\"id\":\"A-1\",\"status\":\"shipped\",\"card\":\"[redacted]\"}");
                    RecordedRequest request = shop.takeRequest(5, TimeUnit.SECONDS);
                    assertThat(request.getTarget()).isEqualTo("/orders/a-1");
                    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
                    assertThat(request.getHeaders().get("X-Seen-Authorization")).isEqualTo("Bearer [redacted]");
                    assertThat(context.getBean(PromptToolCatalog.class).origins())
                            .containsEntry("lookup_order", "http GET " + orders());
                });
    }

    private String orders() {
        return "http://" + shop.getHostName() + ":" + shop.getPort() + "/orders/{order_id}";
    }

    private static Throwable failure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        return NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
    }

    @Test
    void aHooksBeanNamedAfterNoHttpToolFailsStartUpNamingTheBean() {
        contextRunner.withPropertyValues("promptkit.tools.http[lookup_order].url=" + shop.url("/orders"))
                .withBean("lookup_ordr", HttpToolHooks.class, () -> HttpToolHooks.NONE)
                .run(context -> assertThat(failure(context))
                        .isInstanceOf(ToolBindingException.class)
                        .hasMessage("HttpToolHooks bean(s) [lookup_ordr] name no HTTP tool; promptkit.tools.http "
                                + "configures [lookup_order]."));
    }

    @Test
    void aSettingThatDoesNotFitFailsStartUpNamingThePropertyAndTheValidValues() {
        contextRunner.withPropertyValues("promptkit.tools.http[lookup_order].url=" + shop.url("/orders"),
                "promptkit.tools.http[lookup_order].method=FETCH")
                .run(context -> assertThat(failure(context))
                        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .hasMessageContaining("promptkit.tools.http.lookup_order.method")
                        .hasMessageContaining("GET").hasMessageContaining("PATCH"));
        contextRunner.withPropertyValues("promptkit.tools.http[lookup_order].url=" + shop.url("/orders"),
                "promptkit.tools.http[lookup_order].headers-from-env.x-api-key.variable=SHOP_TOKEN_UNSET")
                .run(context -> assertThat(failure(context))
                        .hasMessageContaining("promptkit.tools.http.lookup_order.headers-from-env")
                        .hasMessageContaining("SHOP_TOKEN_UNSET"));
    }

    @Test
    void anHttpToolForAToolNoPackDeclaresFailsStartUp() {
        contextRunner.withPropertyValues("promptkit.tools.http.lookuporder.url=" + shop.url("/orders"))
                .run(context -> assertThat(failure(context))
                        .isInstanceOf(ToolBindingException.class)
                        .hasMessageStartingWith("HTTP tool promptkit.tools.http.lookuporder answers tool 'lookuporder', "
                                + "which no pack declares"));
    }
}
