package io.dbchat.executor.execution;

import io.netty.buffer.ByteBuf;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.message.Format;

/**
 * Reads a column's size as it came over the wire, without decoding it: asking a row for {@link ValueSize} lets
 * the result's byte cap refuse a huge value before the driver turns it into a String or an array. Decode only.
 */
final class ValueSizeCodec implements Codec<ValueSizeCodec.ValueSize> {

    /** The bytes a value took on the wire (text or binary format). */
    record ValueSize(int bytes) {
    }

    @Override
    public boolean canDecode(int dataType, Format format, Class<?> type) {
        return type == ValueSize.class;
    }

    @Override
    public ValueSize decode(ByteBuf buffer, int dataType, Format format, Class<? extends ValueSize> type) {
        return buffer == null ? null : new ValueSize(buffer.readableBytes());
    }

    @Override
    public boolean canEncode(Object value) {
        return false;
    }

    @Override
    public boolean canEncodeNull(Class<?> type) {
        return false;
    }

    @Override
    public EncodedParameter encode(Object value) {
        throw new UnsupportedOperationException("ValueSize is read from results only");
    }

    @Override
    public EncodedParameter encode(Object value, int dataType) {
        throw new UnsupportedOperationException("ValueSize is read from results only");
    }

    @Override
    public EncodedParameter encodeNull() {
        throw new UnsupportedOperationException("ValueSize is read from results only");
    }
}
