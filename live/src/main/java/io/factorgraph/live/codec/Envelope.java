package io.factorgraph.live.codec;

import io.factorgraph.live.sbe.HeartbeatDecoder;
import io.factorgraph.live.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

/**
 * What every live message has in the same place: the SBE header (template id, schema id, version) and, first in its
 * body, the sender's stream sequence number and instance id. A receiver reads these before dispatching, so sequence
 * checks are written once for every message type.
 */
public final class Envelope {
    /** Offset of the sequence number from the start of the message (after the 8-byte SBE header). */
    public static final int SEQUENCE_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH;
    /** Offset of the instance id from the start of the message. */
    public static final int INSTANCE_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH + 8;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    /**
     * Reads the header at {@code offset}; returns the template id, or -1 when the message is not of this schema (or
     * too short to be one).
     */
    public int wrap(DirectBuffer buffer, int offset, int length) {
        if (length < INSTANCE_OFFSET + 8) {
            return -1;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() != HeartbeatDecoder.SCHEMA_ID) {
            return -1;
        }
        return header.templateId();
    }

    public MessageHeaderDecoder header() {
        return header;
    }

    public static long sequence(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + SEQUENCE_OFFSET, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    public static long instance(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + INSTANCE_OFFSET, java.nio.ByteOrder.LITTLE_ENDIAN);
    }
}
