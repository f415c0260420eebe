package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.signum.asm.ObjectFile.DataSection;
import org.signum.asm.ObjectFile.LineEntry;
import org.signum.asm.ObjectFile.Symbol;
import org.signum.asm.ObjectFile.SymbolKind;
import org.signum.asm.RawObject.Payload;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;

/** One test per message of the reader, each pinning the whole message and so the offset. */
class ObjectFileReaderTest {
  private static final String NAME = "k.sgo";

  /** Two instructions, one data section, one symbol; strings 0-9 are the machine keys. */
  static ObjectFile small() {
    Map<String, Long> machine =
        MachineDescription.defaults()
            .with(MachineParameter.IMEM_WORDS, 4)
            .with(MachineParameter.WMEM_BYTES, 64)
            .with(MachineParameter.AMEM_BYTES, 32)
            .with(MachineParameter.TMEM_BYTES, 16)
            .with(MachineParameter.DRAM_BYTES, 0)
            .architecturalParameters();
    long li = new Instruction(Opcode.LI, 1, 0, 0, 0, 0, false, 5).encode();
    long halt = Instruction.of(Opcode.HALT).encode();
    return new ObjectFile(
        machine,
        0,
        new long[] {li, halt},
        List.of(new DataSection(MemorySpace.WMEM, 8, new byte[] {1, 2, 3, 4})),
        List.of(new Symbol("main", SymbolKind.CODE, 0)),
        List.of(new LineEntry(0, 1, 1), new LineEntry(0, 2, 1)),
        List.of("k.s"));
  }

  private static final List<String> KEYS = List.copyOf(small().machine().keySet());
  private static final int STRING_COUNT = KEYS.size() + 2;
  private static final int FILE_STRING = KEYS.size();
  private static final int MAIN_STRING = KEYS.size() + 1;

  private static String failure(byte[] bytes) {
    return assertThrows(ObjectFileException.class, () -> ObjectFileReader.read(bytes, NAME))
        .getMessage();
  }

  private static String failure(RawObject raw) {
    return failure(raw.bytes());
  }

  private static String at(int offset, String rest) {
    return NAME + ": offset " + offset + ": " + rest;
  }

  private static byte[] valid() {
    return ObjectFileWriter.toBytes(small());
  }

  /** A MACH payload with the small machine's values, changed or dropped as {@code edits} say. */
  private static byte[] machine(Map<String, Long> edits) {
    Map<String, Long> m = new LinkedHashMap<>(small().machine());
    m.putAll(edits);
    m.values().removeIf(v -> v == null);
    Payload p = new Payload().u32(m.size());
    m.forEach((k, v) -> p.u32(KEYS.indexOf(k)).i64(v));
    return p.build();
  }

  private static Map<String, Long> edit(String key, Long value) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  private static RawObject raw() {
    return RawObject.of(small());
  }

  // ---- envelope

  @Test
  void emptyFile() {
    assertEquals(
        at(
            0,
            "header: expected at least 20 bytes (a 16-byte header and a 4-byte CRC trailer), got 0"
                + " bytes"),
        failure(new byte[0]));
  }

  @Test
  void truncatedHeader() {
    byte[] cut = java.util.Arrays.copyOf(valid(), 12);
    assertEquals(
        at(
            0,
            "header: expected at least 20 bytes (a 16-byte header and a 4-byte CRC trailer), got 12"
                + " bytes"),
        failure(cut));
  }

  @Test
  void badMagic() {
    byte[] text = "hello, world\nthis is not an object file\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        at(
            0,
            "header.magic: expected 7f 53 47 4e 4f 42 4a 0a (a Signum object file), got 68 65 6c"
                + " 6c 6f 2c 20 77"),
        failure(text));
  }

  @Test
  void shortFileWithBadMagicReportsTheMagic() {
    assertEquals(
        at(
            0,
            "header.magic: expected 7f 53 47 4e 4f 42 4a 0a (a Signum object file), got 7f 45 4c"
                + " 46"),
        failure(new byte[] {0x7f, 'E', 'L', 'F'}));
  }

  @Test
  void truncatedFile() {
    byte[] b = valid();
    byte[] cut = java.util.Arrays.copyOf(b, b.length - 10);
    assertEquals(
        at(
            12,
            "header.length: expected the file's size, "
                + cut.length
                + ", got "
                + b.length
                + " (the file is truncated)"),
        failure(cut));
  }

  @Test
  void extraBytesAtTheEnd() {
    byte[] b = valid();
    byte[] longer = java.util.Arrays.copyOf(b, b.length + 3);
    assertEquals(
        at(
            12,
            "header.length: expected the file's size, "
                + longer.length
                + ", got "
                + b.length
                + " (the file has extra bytes at its end)"),
        failure(longer));
  }

  @Test
  void crcMismatch() {
    byte[] b = valid();
    long stored = Integer.toUnsignedLong(ChunkInput.littleEndianInt(b, b.length - 4));
    b[40] ^= 0x10;
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - 4);
    assertEquals(
        at(
            b.length - 4,
            String.format(
                "trailer.crc32: expected 0x%08x, the CRC-32 of bytes 0 to %d, got 0x%08x (the file"
                    + " is corrupt)",
                crc.getValue(), b.length - 5, stored)),
        failure(b));
  }

  @Test
  void newerVersion() {
    assertEquals(
        at(8, "header.version: expected 1, got 2 (a newer format: use a newer Signum)"),
        failure(raw().version(2)));
  }

  @Test
  void versionZero() {
    assertEquals(at(8, "header.version: expected 1, got 0"), failure(raw().version(0)));
  }

  // ---- chunk list

  @Test
  void chunkHeaderCutByTheTrailer() {
    RawObject r = raw();
    int end = r.trailerOffset();
    assertEquals(
        at(
            end,
            "chunk header: expected 8 bytes, got 5 before the CRC trailer at offset " + (end + 5)),
        failure(r.bytesWithTail(new byte[] {'a', 'b', 'c', 'd', 0})));
  }

  @Test
  void chunkTypeNotLetters() {
    RawObject r = raw();
    int end = r.trailerOffset();
    assertEquals(
        at(end, "chunk.type: expected four ASCII letters, got 43 30 44 45"),
        failure(
            r.bytesWithTail(new Payload().bytes(new byte[] {'C', '0', 'D', 'E'}).u32(0).build())));
  }

  @Test
  void chunkLengthPastTheTrailer() {
    RawObject r = raw();
    int end = r.trailerOffset();
    assertEquals(
        at(
            end + 4,
            "chunk.length (xtra): expected at most 2 (the bytes left before the CRC trailer), got"
                + " 3"),
        failure(
            r.bytesWithTail(
                new Payload()
                    .bytes("xtra".getBytes(StandardCharsets.US_ASCII))
                    .u32(3)
                    .bytes(new byte[2])
                    .build())));
  }

  @Test
  void duplicateChunk() {
    RawObject r = raw();
    int first = r.payloadOffset("SYMB") - 8;
    byte[] symb = r.payload("SYMB");
    int second = r.trailerOffset();
    assertEquals(
        at(
            second,
            "chunk.type: expected one SYMB chunk, got a second one (the first is at offset "
                + first
                + ")"),
        failure(r.add("SYMB", symb)));
  }

  @Test
  void unknownRequiredChunk() {
    RawObject r = raw();
    int end = r.trailerOffset();
    assertEquals(
        at(
            end,
            "chunk.type: expected a chunk this reader knows (STRS, MACH, CODE, LINE, DATA, SYMB)"
                + " or an optional one (type starting with a lower-case letter), got required chunk"
                + " 'LAYR'"),
        failure(r.add("LAYR", new byte[] {1, 2, 3})));
  }

  @Test
  void unknownOptionalChunkIsSkipped() throws ObjectFileException {
    byte[] b = raw().add("layr", new byte[] {1, 2, 3}).bytes();
    assertEquals(small(), ObjectFileReader.read(b, NAME));
  }

  @Test
  void chunksMayComeInAnyOrder() throws ObjectFileException {
    RawObject r = raw();
    byte[] strs = r.payload("STRS");
    byte[] b = r.remove("STRS").add("STRS", strs).bytes();
    assertEquals(small(), ObjectFileReader.read(b, NAME));
  }

  @Test
  void missingChunk() {
    RawObject r = raw().remove("DATA");
    assertEquals(
        at(r.trailerOffset(), "chunk.type: expected a DATA chunk, got none before the CRC trailer"),
        failure(r));
  }

  @Test
  void chunkLongerThanItsContents() {
    RawObject r = raw();
    byte[] symb = new Payload().bytes(r.payload("SYMB")).bytes(new byte[3]).build();
    r.replace("SYMB", symb);
    int end = r.payloadOffset("SYMB") + symb.length;
    assertEquals(
        at(
            end - 3,
            "SYMB: expected the chunk to end at offset "
                + (end - 3)
                + ", got 3 more bytes before its recorded end at offset "
                + end),
        failure(r));
  }

  @Test
  void fieldCutByTheEndOfItsChunk() {
    RawObject r = raw().replace("CODE", new byte[] {0, 0});
    int start = r.payloadOffset("CODE");
    assertEquals(
        at(
            start,
            "CODE.entry: expected 4 bytes, got 2 before the end of the CODE chunk at offset "
                + (start + 2)),
        failure(r));
  }

  // ---- STRS

  @Test
  void stringCountLargerThanTheChunk() {
    RawObject r = raw().replace("STRS", new Payload().u32(1_000_000).u32(0).u32(0).build());
    assertEquals(
        at(
            r.payloadOffset("STRS"),
            "STRS.count: expected at most 2 (entries of at least 4 bytes in"
                + " the 8 bytes left in the STRS chunk), got 1000000"),
        failure(r));
  }

  @Test
  void stringLongerThanTheChunk() {
    RawObject r = raw().replace("STRS", new Payload().u32(1).u32(100).bytes(new byte[3]).build());
    assertEquals(
        at(
            r.payloadOffset("STRS") + 4,
            "STRS[0].length: expected at most 3 (the bytes left in the" + " STRS chunk), got 100"),
        failure(r));
  }

  @Test
  void stringNotUtf8() {
    byte[] bad = {'a', (byte) 0xc3, '('};
    RawObject r = raw().replace("STRS", new Payload().u32(1).u32(3).bytes(bad).build());
    assertEquals(
        at(
            r.payloadOffset("STRS") + 8,
            "STRS[0]: expected UTF-8 text, got bytes that are not" + " UTF-8"),
        failure(r));
  }

  // ---- MACH

  @Test
  void machineCountLargerThanTheChunk() {
    RawObject r = raw().replace("MACH", new Payload().u32(2).u32(0).i64(256).build());
    assertEquals(
        at(
            r.payloadOffset("MACH"),
            "MACH.count: expected at most 1 (entries of at least 12 bytes in"
                + " the 12 bytes left in the MACH chunk), got 2"),
        failure(r));
  }

  @Test
  void machineKeyNotAString() {
    RawObject r = raw().replace("MACH", new Payload().u32(1).u32(99).i64(256).build());
    assertEquals(
        at(
            r.payloadOffset("MACH") + 4,
            "MACH[0].key: expected a string index below "
                + STRING_COUNT
                + " (the STRS count), got 99"),
        failure(r));
  }

  @Test
  void machineKeyEmpty() {
    Payload strs = new Payload().u32(STRING_COUNT + 1);
    KEYS.forEach(strs::string);
    strs.string("k.s").string("main").string("");
    byte[] mach = new Payload().bytes(machine(Map.of())).u32(STRING_COUNT).i64(1).build();
    mach[0]++;
    RawObject r = raw().replace("STRS", strs.build()).replace("MACH", mach);
    assertEquals(
        at(
            r.payloadOffset("MACH") + 4 + 12 * KEYS.size(),
            "MACH[" + KEYS.size() + "].key: expected" + " a parameter name, got an empty string"),
        failure(r));
  }

  @Test
  void machineKeyTwice() {
    byte[] mach =
        new Payload().bytes(machine(Map.of())).u32(KEYS.indexOf("imem_words")).i64(4).build();
    mach[0]++;
    RawObject r = raw().replace("MACH", mach);
    assertEquals(
        at(
            r.payloadOffset("MACH") + 4 + 12 * KEYS.size(),
            "MACH["
                + KEYS.size()
                + "].key: expected"
                + " each key once, got 'imem_words' a second time"),
        failure(r));
  }

  @Test
  void machineValueOutOfRange() {
    RawObject r = raw().replace("MACH", machine(Map.of("vector_width", 100L)));
    int index = KEYS.indexOf("vector_width");
    assertEquals(
        at(
            r.payloadOffset("MACH") + 4 + 12 * index + 4,
            "MACH["
                + index
                + "].value (vector_width):"
                + " expected an integer in [64, 4096] and a power of two, got 100"),
        failure(r));
  }

  @Test
  void machineWithoutAMemorySize() {
    RawObject r = raw().replace("MACH", machine(edit("wmem_bytes", null)));
    assertEquals(
        at(
            r.payloadOffset("MACH"),
            "MACH: expected a value for wmem_bytes (code and data are checked"
                + " against it), got none"),
        failure(r));
  }

  @Test
  void machineKeysOfALaterVersionAreKept() throws ObjectFileException {
    Payload strs = new Payload().u32(STRING_COUNT + 1);
    KEYS.forEach(strs::string);
    strs.string("k.s").string("main").string("systolic_rows");
    byte[] mach = new Payload().bytes(machine(Map.of())).u32(STRING_COUNT).i64(-3).build();
    mach[0]++;
    ObjectFile f =
        ObjectFileReader.read(
            raw().replace("STRS", strs.build()).replace("MACH", mach).bytes(), NAME);
    assertEquals(-3L, f.machine().get("systolic_rows"));
    assertEquals(small().machine().size() + 1, f.machine().size());
  }

  // ---- CODE

  private static byte[] code(long entry, long... words) {
    Payload p = new Payload().u32(entry).u32(words.length);
    for (long w : words) {
      p.i64(w);
    }
    return p.build();
  }

  @Test
  void codeCountLargerThanTheChunk() {
    RawObject r = raw().replace("CODE", new Payload().u32(0).u32(3).i64(1).i64(2).build());
    assertEquals(
        at(
            r.payloadOffset("CODE") + 4,
            "CODE.count: expected at most 2 (entries of at least 8 bytes"
                + " in the 16 bytes left in the CODE chunk), got 3"),
        failure(r));
  }

  @Test
  void codeLargerThanInstructionMemory() {
    RawObject r = raw().replace("CODE", code(0, 1, 2, 3, 4, 5));
    assertEquals(
        at(r.payloadOffset("CODE") + 4, "CODE.count: expected at most 4 (imem_words), got 5"),
        failure(r));
  }

  @Test
  void entryPastTheCode() {
    RawObject r = raw().replace("CODE", code(2, 1, 2));
    assertEquals(
        at(
            r.payloadOffset("CODE"),
            "CODE.entry: expected an instruction index below 2" + " (CODE.count), got 2"),
        failure(r));
  }

  @Test
  void entryWithoutCode() {
    RawObject r = raw().replace("CODE", code(1));
    assertEquals(
        at(r.payloadOffset("CODE"), "CODE.entry: expected 0 (there is no code), got 1"),
        failure(r));
  }

  @Test
  void codeWordsNeedNotDecode() throws ObjectFileException {
    ObjectFile f = ObjectFileReader.read(raw().replace("CODE", code(1, 0, -1)).bytes(), NAME);
    assertEquals(-1L, f.code()[1]);
  }

  // ---- LINE

  private static Payload lineHeader() {
    return new Payload().u32(1).u32(FILE_STRING);
  }

  @Test
  void lineFileCountLargerThanTheChunk() {
    RawObject r = raw().replace("LINE", new Payload().u32(5).u32(0).build());
    assertEquals(
        at(
            r.payloadOffset("LINE"),
            "LINE.file_count: expected at most 1 (entries of at least 4"
                + " bytes in the 4 bytes left in the LINE chunk), got 5"),
        failure(r));
  }

  @Test
  void lineFileNotAString() {
    RawObject r = raw().replace("LINE", new Payload().u32(1).u32(STRING_COUNT).build());
    assertEquals(
        at(
            r.payloadOffset("LINE") + 4,
            "LINE.files[0]: expected a string index below "
                + STRING_COUNT
                + " (the STRS count), got "
                + STRING_COUNT),
        failure(r));
  }

  @Test
  void lineCountLargerThanTheChunk() {
    RawObject r = raw().replace("LINE", lineHeader().u32(2).u32(0).u32(1).u32(1).build());
    assertEquals(
        at(
            r.payloadOffset("LINE") + 8,
            "LINE.count: expected at most 1 (entries of at least 12 bytes"
                + " in the 12 bytes left in the LINE chunk), got 2"),
        failure(r));
  }

  @Test
  void lineCountDiffersFromTheCode() {
    RawObject r = raw().replace("LINE", lineHeader().u32(1).u32(0).u32(1).u32(1).build());
    assertEquals(
        at(
            r.payloadOffset("LINE") + 8,
            "LINE.count: expected 2 (one entry per instruction," + " CODE.count), got 1"),
        failure(r));
  }

  @Test
  void lineFileIndexOutOfRange() {
    RawObject r =
        raw()
            .replace("LINE", lineHeader().u32(2).u32(0).u32(1).u32(1).u32(1).u32(2).u32(1).build());
    assertEquals(
        at(
            r.payloadOffset("LINE") + 12 + 12,
            "LINE[1].file: expected a file index below 1" + " (LINE.file_count), got 1"),
        failure(r));
  }

  @Test
  void lineZero() {
    RawObject r =
        raw()
            .replace("LINE", lineHeader().u32(2).u32(0).u32(0).u32(1).u32(0).u32(2).u32(1).build());
    assertEquals(
        at(
            r.payloadOffset("LINE") + 12 + 4,
            "LINE[0].line: expected a 1-based number in [1," + " 2147483647], got 0"),
        failure(r));
  }

  @Test
  void columnTooLarge() {
    RawObject r =
        raw()
            .replace(
                "LINE",
                lineHeader().u32(2).u32(0).u32(1).u32(1).u32(0).u32(2).u32(0x8000_0000L).build());
    assertEquals(
        at(
            r.payloadOffset("LINE") + 12 + 12 + 8,
            "LINE[1].column: expected a 1-based number in [1," + " 2147483647], got 2147483648"),
        failure(r));
  }

  // ---- DATA

  private static RawObject data(Payload p) {
    return raw().replace("DATA", p.build());
  }

  @Test
  void dataCountLargerThanTheChunk() {
    RawObject r = data(new Payload().u32(2).u32(0).u32(0).u32(1).bytes(new byte[1]));
    assertEquals(
        at(
            r.payloadOffset("DATA"),
            "DATA.count: expected at most 1 (entries of at least 12 bytes in"
                + " the 13 bytes left in the DATA chunk), got 2"),
        failure(r));
  }

  @Test
  void dataMemoryCode() {
    RawObject r = data(new Payload().u32(1).u32(4).u32(0).u32(1).bytes(new byte[1]));
    assertEquals(
        at(
            r.payloadOffset("DATA") + 4,
            "DATA[0].memory: expected a memory code (0 wmem, 1 amem, 2" + " tmem, 3 dram), got 4"),
        failure(r));
  }

  @Test
  void dataEmpty() {
    RawObject r = data(new Payload().u32(1).u32(0).u32(0).u32(0));
    assertEquals(
        at(r.payloadOffset("DATA") + 12, "DATA[0].length: expected at least 1 byte, got 0"),
        failure(r));
  }

  @Test
  void dataLongerThanTheChunk() {
    RawObject r = data(new Payload().u32(1).u32(0).u32(0).u32(5).bytes(new byte[4]));
    assertEquals(
        at(
            r.payloadOffset("DATA") + 12,
            "DATA[0].length: expected at most 4 (the bytes left in the" + " DATA chunk), got 5"),
        failure(r));
  }

  @Test
  void dataPastTheEndOfItsMemory() {
    RawObject r = data(new Payload().u32(1).u32(0).u32(60).u32(8).bytes(new byte[8]));
    assertEquals(
        at(
            r.payloadOffset("DATA") + 8,
            "DATA[0].address: expected a range inside the 64 bytes of"
                + " wmem (wmem_bytes), got [60, 68)"),
        failure(r));
  }

  @Test
  void dataInAMissingMemory() {
    RawObject r = data(new Payload().u32(1).u32(3).u32(0).u32(1).bytes(new byte[1]));
    assertEquals(
        at(
            r.payloadOffset("DATA") + 8,
            "DATA[0].address: expected a range inside the 0 bytes of"
                + " dram (dram_bytes), got [0, 1)"),
        failure(r));
  }

  @Test
  void dataSectionsOverlap() {
    RawObject r =
        data(
            new Payload()
                .u32(2)
                .u32(0)
                .u32(4)
                .u32(8)
                .bytes(new byte[8])
                .u32(0)
                .u32(0)
                .u32(8)
                .bytes(new byte[8]));
    assertEquals(
        at(
            r.payloadOffset("DATA") + 8,
            "DATA[0].address: expected no overlap with DATA[1], wmem [0," + " 8), got [4, 12)"),
        failure(r));
  }

  @Test
  void sectionsInDifferentMemoriesMayShareAddresses() throws ObjectFileException {
    RawObject r =
        data(
            new Payload()
                .u32(3)
                .u32(1)
                .u32(0)
                .u32(8)
                .bytes(new byte[8])
                .u32(0)
                .u32(0)
                .u32(8)
                .bytes(new byte[8])
                .u32(0)
                .u32(8)
                .u32(8)
                .bytes(new byte[8]));
    assertEquals(3, ObjectFileReader.read(r.bytes(), NAME).data().size());
  }

  // ---- SYMB

  private static RawObject symbol(long name, long kind, long value) {
    return raw().replace("SYMB", new Payload().u32(1).u32(name).u32(kind).i64(value).build());
  }

  @Test
  void symbolCountLargerThanTheChunk() {
    RawObject r = raw().replace("SYMB", new Payload().u32(1).u32(MAIN_STRING).build());
    assertEquals(
        at(
            r.payloadOffset("SYMB"),
            "SYMB.count: expected at most 0 (entries of at least 16 bytes in"
                + " the 4 bytes left in the SYMB chunk), got 1"),
        failure(r));
  }

  @Test
  void symbolNameNotAString() {
    RawObject r = symbol(STRING_COUNT + 7, 0, 0);
    assertEquals(
        at(
            r.payloadOffset("SYMB") + 4,
            "SYMB[0].name: expected a string index below "
                + STRING_COUNT
                + " (the STRS count), got "
                + (STRING_COUNT + 7)),
        failure(r));
  }

  @Test
  void symbolNameEmpty() {
    Payload strs = new Payload().u32(STRING_COUNT + 1);
    KEYS.forEach(strs::string);
    strs.string("k.s").string("main").string("");
    RawObject r = symbol(STRING_COUNT, 0, 0).replace("STRS", strs.build());
    assertEquals(
        at(
            r.payloadOffset("SYMB") + 4,
            "SYMB[0].name: expected a symbol name, got an empty string"),
        failure(r));
  }

  @Test
  void symbolKind() {
    RawObject r = symbol(MAIN_STRING, 6, 0);
    assertEquals(
        at(
            r.payloadOffset("SYMB") + 8,
            "SYMB[0].kind: expected a symbol kind code (0 code, 1 wmem,"
                + " 2 amem, 3 tmem, 4 dram, 5 constant), got 6"),
        failure(r));
  }

  @Test
  void codeSymbolPastTheCode() {
    RawObject r = symbol(MAIN_STRING, 0, 3);
    assertEquals(
        at(
            r.payloadOffset("SYMB") + 12,
            "SYMB[0].value: expected an instruction index in [0, 2]" + " (CODE.count), got 3"),
        failure(r));
  }

  @Test
  void codeSymbolNegative() {
    RawObject r = symbol(MAIN_STRING, 0, -1);
    assertEquals(
        at(
            r.payloadOffset("SYMB") + 12,
            "SYMB[0].value: expected an instruction index in [0, 2]" + " (CODE.count), got -1"),
        failure(r));
  }

  @Test
  void memorySymbolPastItsMemory() {
    RawObject r = symbol(MAIN_STRING, 3, 17);
    assertEquals(
        at(
            r.payloadOffset("SYMB") + 12,
            "SYMB[0].value: expected a tmem address in [0, 16]" + " (tmem_bytes), got 17"),
        failure(r));
  }

  @Test
  void labelsMaySitJustPastTheEnd() throws ObjectFileException {
    ObjectFile f = ObjectFileReader.read(symbol(MAIN_STRING, 3, 16).bytes(), NAME);
    assertEquals(new Symbol("main", SymbolKind.TMEM, 16), f.symbols().get(0));
  }

  @Test
  void constantsMayHoldAnyValue() throws ObjectFileException {
    ObjectFile f = ObjectFileReader.read(symbol(MAIN_STRING, 5, Long.MIN_VALUE).bytes(), NAME);
    assertEquals(new Symbol("main", SymbolKind.CONSTANT, Long.MIN_VALUE), f.symbols().get(0));
  }
}
