package org.retrovue.plugin.ffprobe.fastpath;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builders for crafted files: ISO boxes and EBML elements, with honest or lying sizes. */
final class Bytes {
    private Bytes() {}

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** An ISO box whose size field is honest. */
    static byte[] box(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return boxWithSize(8L + body.length, type, body);
    }

    /** An ISO box whose 32-bit size field says {@code size}, whatever follows. */
    static byte[] boxWithSize(long size, String type, byte[]... payload) {
        return concat(ByteBuffer.allocate(4).putInt((int) size).array(), type.getBytes(StandardCharsets.ISO_8859_1),
                concat(payload));
    }

    static byte[] u8(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] u16(int value) {
        return ByteBuffer.allocate(2).putShort((short) value).array();
    }

    static byte[] u32(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    static byte[] u64(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static byte[] zeros(int n) {
        return new byte[n];
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** An EBML element whose size field (8 bytes long: 0x01 and 7 bytes) says {@code size}, whatever follows. */
    static byte[] ebmlWithSize(int id, long size, byte[]... body) {
        byte[] sizeField = ByteBuffer.allocate(8).putLong(size).array();
        sizeField[0] = 0x01;
        return concat(id(id), sizeField, concat(body));
    }

    /** An EBML element with an honest size. */
    static byte[] ebml(int id, byte[]... body) {
        byte[] content = concat(body);
        return ebmlWithSize(id, content.length, content);
    }

    static byte[] ebmlUint(int id, long value) {
        return ebml(id, u64(value));
    }

    static byte[] ebmlFloat(int id, double value) {
        return ebml(id, ByteBuffer.allocate(8).putDouble(value).array());
    }

    static byte[] ebmlString(int id, String value) {
        return ebml(id, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] id(int id) {
        if ((id & 0xFF000000) != 0) {
            return ByteBuffer.allocate(4).putInt(id).array();
        }
        if ((id & 0xFF0000) != 0) {
            return u8(id >> 16, id >> 8, id);
        }
        if ((id & 0xFF00) != 0) {
            return u8(id >> 8, id);
        }
        return u8(id);
    }
}
