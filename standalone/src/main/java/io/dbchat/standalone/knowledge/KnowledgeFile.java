package io.dbchat.standalone.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The YAML file of {@code dbchat knowledge import} and {@code export}: an optional {@code datasource} and a list of
 * {@code entries}, each the API's fields (snake_case: {@code kind}, {@code id}, {@code status}, {@code question},
 * {@code sql}, {@code name}, {@code synonyms}, {@code definition}, {@code expression}, {@code expression_kind},
 * {@code table}, {@code column}, {@code note}; an export adds what the server recorded: {@code author}, {@code at},
 * {@code approved_by}, {@code source_query_id}, {@code revision}). Reading checks the shape and names the first thing
 * wrong (which entry, which field); what each kind needs is the server's to say.
 */
final class KnowledgeFile {

    /** What a file holds: its datasource (null when it names none) and its entries, as the API's fields. */
    record Contents(String datasource, List<Map<String, Object>> entries) {
    }

    static final Set<String> CONTENT = Set.of("kind", "id", "status", "question", "sql", "name", "synonyms",
            "definition", "expression", "expression_kind", "table", "column", "note");
    /** What the server records about an entry: exported, and ignored on import. */
    static final Set<String> RECORDED = Set.of("datasource", "author", "at", "approved_by", "source_query_id", "revision");
    private static final Set<String> KINDS = Set.of("example", "term", "doc");
    /** The order fields are written in. */
    private static final List<String> ORDER = List.of("id", "kind", "status", "question", "sql", "name", "synonyms",
            "definition", "expression", "expression_kind", "table", "column", "note", "author", "at", "approved_by",
            "source_query_id", "revision");

    private KnowledgeFile() {
    }

    /** Reads a file's text; an {@link IllegalArgumentException} names what is wrong with it. */
    static Contents read(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("entries") instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a mapping with 'entries:', a list of knowledge entries");
        }
        for (Object key : map.keySet()) {
            if (!"entries".equals(key) && !"datasource".equals(key)) {
                throw new IllegalArgumentException("unknown top-level field '" + key + "' (expected datasource, entries)");
            }
        }
        Object datasource = map.get("datasource");
        if (datasource != null && !(datasource instanceof String)) {
            throw new IllegalArgumentException("'datasource' must be a name");
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(list.get(i), i + 1));
        }
        return new Contents((String) datasource, entries);
    }

    private static Map<String, Object> entry(Object item, int n) {
        if (!(item instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("entry " + n + " is not a mapping of fields");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (var field : fields.entrySet()) {
            String name = String.valueOf(field.getKey());
            Object value = field.getValue();
            if (RECORDED.contains(name) || value == null) {
                continue;
            }
            if (!CONTENT.contains(name)) {
                throw new IllegalArgumentException("entry " + n + ": unknown field '" + name + "'");
            }
            if (name.equals("synonyms")) {
                if (!(value instanceof List<?> names) || names.stream().anyMatch(s -> !(s instanceof String))) {
                    throw new IllegalArgumentException("entry " + n + ": 'synonyms' must be a list of names");
                }
            } else if (!(value instanceof String)) {
                throw new IllegalArgumentException("entry " + n + ": '" + name + "' must be text (quote it)");
            }
            out.put(name, value);
        }
        Object kind = out.get("kind");
        if (kind == null) {
            throw new IllegalArgumentException("entry " + n + ": 'kind' is missing (example, term or doc)");
        }
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("entry " + n + ": unknown kind '" + kind + "' (example, term or doc)");
        }
        return out;
    }

    /** The file of these entries (the API's JSON objects), fields in a fixed order, empty ones left out. */
    static String write(String datasource, List<Map<String, Object>> entries) {
        List<Map<String, Object>> ordered = entries.stream().map(KnowledgeFile::ordered).toList();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("datasource", datasource);
        root.put("entries", ordered);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        return new Yaml(options).dump(root);
    }

    private static Map<String, Object> ordered(Map<String, Object> entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : ORDER) {
            Object value = entry.get(name);
            boolean empty = value == null || (value instanceof List<?> l && l.isEmpty()) || "".equals(value);
            if (!empty) {
                out.put(name, value);
            }
        }
        return out;
    }
}
