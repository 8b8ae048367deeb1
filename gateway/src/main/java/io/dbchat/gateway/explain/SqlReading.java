package io.dbchat.gateway.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A plain-language reading of one SQL query: the sentence to show, and the parts it was made of (the
 * tables read, the filters, the grouping, the ordering and the row limit) for a client that lays them out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SqlReading(
        String summary,
        List<String> tables,
        List<String> filters,
        List<String> grouping,
        List<String> ordering,
        Long limit) {
}
