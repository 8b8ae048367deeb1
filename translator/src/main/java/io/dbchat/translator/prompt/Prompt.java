package io.dbchat.translator.prompt;

import java.util.List;

/** A rendered prompt, the template version it came from and the tables whose schema it holds. */
public record Prompt(String text, String version, List<String> tables) {
}
