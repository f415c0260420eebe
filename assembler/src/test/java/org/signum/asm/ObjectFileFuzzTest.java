package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Feeds 10,000 mutated object files to the reader (1,000 valid files, ten mutants each): bit flips,
 * byte changes, truncations, insertions, deletions and 32-bit values planted anywhere or on the
 * counts at the start of a chunk, half of them resealed with a correct length and CRC so that the
 * checks behind the CRC run too. Each must load or fail with an {@link ObjectFileException} naming
 * an offset inside the file; nothing else may escape, hang or allocate far beyond the file's size.
 * The seed is fixed, so every run tries the same files.
 */
class ObjectFileFuzzTest {
  private static final int MUTANTS_PER_FILE = 10;

  /** Far beyond what a few kilobytes need; only a hang reaches it. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /**
   * Heap a read may allocate: a generous multiple of the file for the loaded object, plus slack for
   * one-off class initialization. A count trusted before checking it would ask for up to gigabytes.
   */
  private static long allocationLimit(int fileBytes) {
    return 64L * fileBytes + (8 << 20);
  }

  @Provide
  Arbitrary<ObjectFile> objectFiles() {
    return ObjectFileArbitraries.objectFiles();
  }

  @Property(tries = 1000, seed = "20261125")
  void mutatedFilesLoadOrAreRejectedCleanly(
      @ForAll("objectFiles") ObjectFile base, @ForAll long mutationSeed) throws Exception {
    byte[] valid = ObjectFileWriter.toBytes(base);
    List<String> outcomes = assertTimeoutPreemptively(HANG_GUARD, () -> fuzz(valid, mutationSeed));
    outcomes.forEach(o -> Statistics.label("outcome").collect(o));
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check("loaded").count(n -> n >= 100);
              c.check("crc").count(n -> n >= 500);
              for (String chunk : ObjectFileFormat.CHUNKS) {
                c.check(chunk).count(n -> n >= 20);
              }
            });
  }

  private static List<String> fuzz(byte[] valid, long seed) throws ObjectFileException {
    Random r = new Random(seed);
    List<Integer> payloads = payloadOffsets(valid);
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < MUTANTS_PER_FILE; i++) {
      byte[] mutant = mutate(valid, payloads, r);
      if (r.nextBoolean()) {
        mutant = RawObject.reseal(mutant);
      }
      outcomes.add(readOne(mutant));
    }
    return outcomes;
  }

  /** Reads one mutant and says how it ended: loaded, or the part of the file that was rejected. */
  private static String readOne(byte[] mutant) throws ObjectFileException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    ObjectFile loaded = null;
    ObjectFileException rejected = null;
    try {
      loaded = ObjectFileReader.read(mutant, "fuzz.sgo");
    } catch (ObjectFileException e) {
      rejected = e;
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(
        allocated <= allocationLimit(mutant.length),
        "reading " + mutant.length + " bytes allocated " + allocated + " bytes");
    if (loaded != null) {
      // Whatever loads is an object the writer accepts and the reader gives back unchanged.
      assertEquals(loaded, ObjectFileReader.read(ObjectFileWriter.toBytes(loaded), "again"));
      return "loaded";
    }
    assertTrue(rejected.getMessage().startsWith("fuzz.sgo: offset "), rejected.getMessage());
    assertTrue(rejected.offset() >= 0 && rejected.offset() <= mutant.length, rejected.getMessage());
    assertNotNull(rejected.field());
    return part(rejected.field());
  }

  /** {@code CODE.count} and {@code CODE[3].value} are both part {@code CODE}. */
  private static String part(String field) {
    if (field.equals("trailer.crc32")) {
      return "crc";
    }
    int end = 0;
    while (end < field.length() && Character.isLetterOrDigit(field.charAt(end))) {
      end++;
    }
    return field.substring(0, end);
  }

  /**
   * Where each chunk's payload starts: its counts and indices are the fields most worth hitting.
   */
  private static List<Integer> payloadOffsets(byte[] valid) {
    List<Integer> out = new ArrayList<>();
    for (int pos = 16;
        pos < valid.length - 4;
        pos += 8 + ChunkInput.littleEndianInt(valid, pos + 4)) {
      out.add(pos + 8);
    }
    return out;
  }

  private static byte[] mutate(byte[] valid, List<Integer> payloads, Random r) {
    byte[] b = valid.clone();
    int edits = 1 + r.nextInt(3);
    for (int k = 0; k < edits; k++) {
      int at = b.length == 0 ? 0 : r.nextInt(b.length);
      switch (r.nextInt(7)) {
        case 0 -> {
          if (b.length > 0) {
            b[at] ^= (byte) (1 << r.nextInt(8));
          }
        }
        case 1 -> {
          if (b.length > 0) {
            b[at] = (byte) r.nextInt(256);
          }
        }
        case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
        case 3 -> {
          byte[] extra = new byte[1 + r.nextInt(16)];
          r.nextBytes(extra);
          b = splice(b, at, 0, extra);
        }
        case 4 -> b = splice(b, at, Math.min(b.length - at, 1 + r.nextInt(16)), new byte[0]);
        case 5 -> plant(b, at, r);
        default -> plant(b, payloads.get(r.nextInt(payloads.size())) + 4 * r.nextInt(5), r);
      }
    }
    return b;
  }

  /** Overwrites four bytes with a value likely to break a count, length, index or code. */
  private static void plant(byte[] b, int at, Random r) {
    long[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL, b.length};
    long v = values[r.nextInt(values.length)];
    for (int i = 0; i < 4 && at + i < b.length; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }

  private static byte[] splice(byte[] b, int at, int removed, byte[] inserted) {
    byte[] out = new byte[b.length - removed + inserted.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(b, at + removed, out, at + inserted.length, b.length - at - removed);
    return out;
  }
}
