package io.dbchat.schemapublisher.catalog;

import java.util.regex.Pattern;

/** The column types (as format_type prints them) whose values are worth sampling: text and character types. */
final class TextTypes {

    private static final Pattern TEXT = Pattern.compile("text|citext|character varying(\\(\\d+\\))?|character(\\(\\d+\\))?");

    private TextTypes() {
    }

    static boolean isText(String type) {
        return TEXT.matcher(type).matches();
    }
}
