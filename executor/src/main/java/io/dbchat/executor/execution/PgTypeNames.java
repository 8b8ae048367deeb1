package io.dbchat.executor.execution;

import java.util.Locale;
import java.util.Map;

/**
 * Names of built-in PostgreSQL types that r2dbc-postgresql knows only by their OID (it reports "650" for a
 * cidr column), so the column metadata of an answer says "cidr" as the catalog would. OIDs from pg_type.dat.
 */
final class PgTypeNames {

    private static final Map<Integer, String> BY_OID = Map.ofEntries(
            Map.entry(601, "lseg"), Map.entry(602, "path"), Map.entry(603, "box"), Map.entry(604, "polygon"),
            Map.entry(628, "line"), Map.entry(650, "cidr"), Map.entry(718, "circle"), Map.entry(774, "macaddr8"),
            Map.entry(790, "money"), Map.entry(829, "macaddr"), Map.entry(869, "inet"), Map.entry(1560, "bit"),
            Map.entry(1562, "varbit"), Map.entry(2970, "txid_snapshot"), Map.entry(3220, "pg_lsn"),
            Map.entry(3614, "tsvector"), Map.entry(3615, "tsquery"), Map.entry(3904, "int4range"),
            Map.entry(3906, "numrange"), Map.entry(3908, "tsrange"), Map.entry(3910, "tstzrange"),
            Map.entry(3912, "daterange"), Map.entry(3926, "int8range"), Map.entry(4451, "int4multirange"),
            Map.entry(4532, "nummultirange"), Map.entry(4533, "tsmultirange"), Map.entry(4534, "tstzmultirange"),
            Map.entry(4535, "datemultirange"), Map.entry(4536, "int8multirange"), Map.entry(142, "xml"),
            Map.entry(1186, "interval"), Map.entry(1266, "timetz"), Map.entry(600, "point"));

    private PgTypeNames() {
    }

    /** The driver's name for a type, with a bare OID replaced by the type's name where it is a built-in one. */
    static String of(String driverName) {
        String name = driverName.toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit) && name.length() < 10) {
            return BY_OID.getOrDefault(Integer.parseInt(name), name);
        }
        return name;
    }
}
