package com.example.assistant;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class AssistantApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssistantApplication.class, args);
    }

    @Bean
    ApplicationRunner askOnce(Assistant assistant) {
        return args -> System.out.println(assistant.ask("What's the weather in Paris?"));
    }
}
