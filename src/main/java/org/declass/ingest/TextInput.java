package org.declass.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks raw bytes before parsing: not empty, not too large, not binary, valid UTF-8. Pure Java. */
public final class TextInput {

    /** The largest cable we accept, in bytes. The largest Cablegate cable is about 67 KB. */
    public static final int MAX_CABLE_BYTES = 1_000_000;

    private TextInput() {
    }

    /** Decodes the bytes as UTF-8 or throws {@link IngestRejected} naming the problem. */
    public static String decode(byte[] bytes, String what) {
        if (bytes == null || bytes.length == 0) {
            throw new IngestRejected(400, what + " is empty: send the cable text as UTF-8 plain text");
        }
        if (bytes.length > MAX_CABLE_BYTES) {
            throw new IngestRejected(413, what + " is " + bytes.length + " bytes, over the limit of "
                    + MAX_CABLE_BYTES + " bytes for one cable");
        }
        int controls = 0;
        for (byte b : bytes) {
            if (b == 0) {
                throw new IngestRejected(415, what + " is binary data (it contains NUL bytes), not cable text");
            }
            if (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                controls++;
            }
        }
        if (controls > 16 && controls * 100L > bytes.length) {
            throw new IngestRejected(415, what + " is binary data (" + controls
                    + " control characters), not cable text");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new IngestRejected(400, what + " is not valid UTF-8: bad byte sequence at byte offset "
                    + in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new IngestRejected(400, what + " is not valid UTF-8 at its end");
        }
        out.flip();
        return out.toString();
    }
}
