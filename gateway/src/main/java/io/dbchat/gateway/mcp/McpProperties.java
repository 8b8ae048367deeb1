package io.dbchat.gateway.mcp;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the MCP server ({@code dbchat.gateway.mcp.*}): whether {@code /mcp} is served, how many rows
 * a tool result shows (the row count says how many there were), and the longest SQL {@code run_sql} takes.
 */
@Validated
@ConfigurationProperties("dbchat.gateway.mcp")
public record McpProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") @Min(0) int maxRows,
        @DefaultValue("16384") @Min(1) int maxSqlBytes) {
}
