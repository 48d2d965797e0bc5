package dev.layerfit.python.install;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** A minimal stored zip whose first entry is a Unix symlink (APPNOTE 4.3.7 / 4.3.12), which java.util.zip cannot write. */
final class SymlinkZip {

    private SymlinkZip() {
    }

    static byte[] withSymlink(String linkName, String target, String recordName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        String[][] entries = {{linkName, target, "120777"}, {recordName, "", "100644"}};
        for (String[] e : entries) {
            byte[] name = e[0].getBytes(StandardCharsets.UTF_8);
            byte[] data = e[1].getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(data);
            int offset = out.size();
            ByteBuffer local = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN).putInt(0x04034b50).putShort((short) 10)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue())
                    .putInt(data.length).putInt(data.length).putShort((short) name.length).putShort((short) 0);
            out.writeBytes(local.array());
            out.writeBytes(name);
            out.writeBytes(data);
            ByteBuffer c = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN).putInt(0x02014b50).putShort((short) 0x0314)
                    .putShort((short) 10).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue()).putInt(data.length).putInt(data.length).putShort((short) name.length)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putInt(Integer.parseInt(e[2], 8) << 16).putInt(offset);
            central.writeBytes(c.array());
            central.writeBytes(name);
        }
        int cdOffset = out.size();
        out.writeBytes(central.toByteArray());
        out.writeBytes(ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) 2).putShort((short) 2).putInt(central.size()).putInt(cdOffset).putShort((short) 0).array());
        return out.toByteArray();
    }
}
