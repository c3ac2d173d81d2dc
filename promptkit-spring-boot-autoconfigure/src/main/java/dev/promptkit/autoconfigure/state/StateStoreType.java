package dev.promptkit.autoconfigure.state;

/** Where conversations and held tool calls are kept ({@code promptkit.state-store.type}). */
public enum StateStoreType {

    /** In Redis, on the application's reactive Redis connection ({@code spring.data.redis.*}). */
    REDIS,

    /** In this JVM's memory: lost on restart, not shared between instances. */
    MEMORY
}
