package org.signum.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signum.compiler.model.ModelFile;
import org.signum.trainer.math.Gemm;

class CheckpointTest {
  @TempDir Path dir;

  @Test
  void resumingFromACheckpointGivesTheSameNetworkAsAnUnbrokenRun() throws Exception {
    Path ckpt = dir.resolve("run.ckpt");
    String unbroken = ModelFile.format(TrainingTest.train(TrainingTest.config(3), 2, true).best());
    try (Gemm gemm = new Gemm(2, true)) {
      Trainer first = new Trainer(TrainingTest.config(3), gemm);
      // stop after the first epoch by training a copy configured for 3 and interrupting it
      first.train(
          TrainingTest.TRAIN,
          TrainingTest.VALIDATION,
          "synthetic",
          ckpt,
          new TrainingListener() {
            @Override
            public void epoch(EpochResult r) {
              if (r.epoch() == 1) {
                throw new StopHere();
              }
            }
          });
    } catch (StopHere expected) {
      // the checkpoint of epoch 1 is on disk
    }
    try (Gemm gemm = new Gemm(1, false)) {
      Trainer resumed = Checkpoint.read(ckpt, gemm);
      assertEquals(1, resumed.epochsDone());
      assertEquals(1, resumed.history().size());
      resumed.train(
          TrainingTest.TRAIN, TrainingTest.VALIDATION, "synthetic", ckpt, TrainingListener.NONE);
      assertEquals(unbroken, ModelFile.format(resumed.best()));
      assertEquals(3, Checkpoint.read(ckpt, gemm).epochsDone());
      Trainer other = Checkpoint.read(ckpt, gemm);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  other.train(
                      TrainingTest.TRAIN.slice(0, 2000),
                      TrainingTest.VALIDATION,
                      "synthetic",
                      null,
                      TrainingListener.NONE));
      assertEquals(
          "the checkpoint's run trained on 3,000 training and 500 validation samples of 64"
              + " features, this one has 2,000 training and 500 validation samples of 64 features;"
              + " give the same data, --validation and --limit to go on",
          e.getMessage());
    }
  }

  private static final class StopHere extends RuntimeException {}

  @Test
  void damagedCheckpointsAreRefusedWithTheReason() throws IOException {
    Path ckpt = dir.resolve("good.ckpt");
    try (Gemm gemm = new Gemm(1, true)) {
      Trainer t = new Trainer(TrainingTest.config(1), gemm);
      t.train(
          TrainingTest.TRAIN, TrainingTest.VALIDATION, "synthetic", ckpt, TrainingListener.NONE);
      byte[] good = Files.readAllBytes(ckpt);

      assertEquals(
          dir.resolve("none.ckpt") + ": no such file", refused(dir.resolve("none.ckpt"), gemm));
      Path p = dir.resolve("bad.ckpt");
      Files.write(p, "signum-model 1\n".getBytes());
      assertEquals(p + ": not a Signum training checkpoint (bad magic)", refused(p, gemm));
      Files.write(p, Arrays.copyOf(good, good.length / 2));
      assertEquals(p + ": checksum mismatch; the file is damaged or cut short", refused(p, gemm));
      byte[] flipped = good.clone();
      flipped[100] ^= 1;
      Files.write(p, flipped);
      assertEquals(p + ": checksum mismatch; the file is damaged or cut short", refused(p, gemm));

      // Damage behind a valid checksum: the reader's own checks name it.
      byte[] version = good.clone();
      version[11] = 2;
      Files.write(p, sealed(version));
      assertEquals(p + ": checkpoint version 2, this trainer reads version 1", refused(p, gemm));
      Files.write(p, sealed(Arrays.copyOf(good, 200)));
      assertEquals(p + ": the checkpoint ends early", refused(p, gemm));
      byte[] longer = Arrays.copyOf(good, good.length + 3);
      System.arraycopy(good, good.length - 4, longer, good.length - 1, 4);
      Files.write(p, sealed(longer));
      assertEquals(p + ": 3 unexpected bytes at the end", refused(p, gemm));
    }
  }

  /** {@code bytes} with its last four replaced by the CRC-32 of the rest, as the writer ends. */
  private static byte[] sealed(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    int v = (int) crc.getValue();
    for (int i = 0; i < 4; i++) {
      bytes[bytes.length - 4 + i] = (byte) (v >>> (24 - 8 * i));
    }
    return bytes;
  }

  private static String refused(Path p, Gemm gemm) {
    return assertThrows(CheckpointException.class, () -> Checkpoint.read(p, gemm)).getMessage();
  }
}
