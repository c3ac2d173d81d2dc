package dev.promptkit.pack;

/** No pack exists at the given path or classpath location. */
public class PackNotFoundException extends PackException {

    private static final long serialVersionUID = 1L;

    public PackNotFoundException(String path) {
        super(path, "no such file");
    }
}
