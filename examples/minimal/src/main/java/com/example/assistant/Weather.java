package com.example.assistant;

import dev.promptkit.spring.PromptTool;
import org.springframework.stereotype.Component;

@Component
class Weather {

    record Forecast(String city, String sky, int celsius) {
    }

    @PromptTool("get_weather")
    Forecast current(String city) {   // takes the argument "city" by name (Boot's parent compiles with -parameters)
        return new Forecast(city, "sunny", 21);
    }
}
