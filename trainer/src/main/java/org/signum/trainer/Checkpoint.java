package org.signum.trainer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.signum.compiler.ir.Network;
import org.signum.compiler.model.ModelFile;
import org.signum.compiler.model.ModelFormatException;
import org.signum.isa.OutputFile;
import org.signum.trainer.math.Gemm;
import org.signum.trainer.nn.Loss;
import org.signum.trainer.nn.Param;

/**
 * The whole state of a training run after an epoch, so that {@code signum train --resume} goes on
 * exactly where it stopped: the configuration, the epochs done, the history, every parameter,
 * running statistic and optimizer moment, and the best network so far. The format (big-endian,
 * described in docs/trainer.md) ends with a CRC-32 of everything before it; files are written whole
 * or not at all.
 */
public final class Checkpoint {
  static final byte[] MAGIC = "SGNMCKPT".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;

  private Checkpoint() {}

  /** Writes {@code trainer}'s state to {@code path}, replacing it atomically. */
  public static void write(Trainer trainer, Path path) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeInt(VERSION);
    TrainConfig c = trainer.config();
    out.writeInt(c.layers().length);
    for (int w : c.layers()) {
      out.writeInt(w);
    }
    out.writeInt(c.epochs());
    out.writeInt(c.batchSize());
    out.writeFloat(c.lrStart());
    out.writeFloat(c.lrEnd());
    out.writeUTF(c.loss().option());
    out.writeUTF(c.optimizer());
    out.writeBoolean(c.shiftBatchNorm());
    out.writeBoolean(c.stochastic());
    out.writeBoolean(c.binarizeInput());
    out.writeFloat(c.inputDropout());
    out.writeFloat(c.hiddenDropout());
    out.writeFloat(c.bnEps());
    out.writeFloat(c.bnMomentum());
    out.writeLong(c.seed());
    out.writeInt(trainer.epochsDone());
    out.writeLong(trainer.optimizer().steps());
    out.writeDouble(trainer.bestValidationAccuracy());
    Trainer.DataShape data = trainer.dataShape();
    out.writeInt(data.training());
    out.writeInt(data.validation());
    out.writeInt(data.features());
    List<EpochResult> history = trainer.history();
    out.writeInt(history.size());
    for (EpochResult r : history) {
      out.writeInt(r.epoch());
      out.writeInt(r.epochs());
      out.writeFloat(r.learningRate());
      out.writeDouble(r.loss());
      out.writeDouble(r.trainAccuracy());
      out.writeDouble(r.validationAccuracy());
      out.writeDouble(r.seconds());
      out.writeBoolean(r.best());
    }
    List<float[]> arrays = arrays(trainer);
    out.writeInt(arrays.size());
    for (float[] a : arrays) {
      out.writeInt(a.length);
      for (float f : a) {
        out.writeFloat(f);
      }
    }
    Network best = trainer.best();
    byte[] model =
        best == null ? new byte[0] : ModelFile.format(best).getBytes(StandardCharsets.UTF_8);
    out.writeInt(model.length);
    out.write(model);
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeInt((int) crc.getValue());
    out.flush();
    OutputFile.write(path, bytes.toByteArray());
  }

  /** Every array of state in the fixed order: parameters, buffers, optimizer moments. */
  private static List<float[]> arrays(Trainer trainer) {
    List<float[]> a = new ArrayList<>();
    for (Param p : trainer.network().params()) {
      a.add(p.value());
    }
    a.addAll(trainer.network().buffers());
    a.addAll(trainer.optimizer().state());
    return a;
  }

  /**
   * A trainer restored from {@code path}, on the given product engine.
   *
   * @throws CheckpointException naming the file and what is wrong with it
   */
  public static Trainer read(Path path, Gemm gemm) throws CheckpointException {
    byte[] data;
    try {
      data = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new CheckpointException(path + ": no such file");
    } catch (IOException e) {
      throw new CheckpointException(path + ": cannot read: " + e.getMessage());
    }
    if (data.length < MAGIC.length + 8
        || !Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
      throw new CheckpointException(path + ": not a Signum training checkpoint (bad magic)");
    }
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length - 4);
    int stored =
        ((data[data.length - 4] & 0xFF) << 24)
            | ((data[data.length - 3] & 0xFF) << 16)
            | ((data[data.length - 2] & 0xFF) << 8)
            | (data[data.length - 1] & 0xFF);
    if (stored != (int) crc.getValue()) {
      throw new CheckpointException(path + ": checksum mismatch; the file is damaged or cut short");
    }
    DataInputStream in =
        new DataInputStream(
            new ByteArrayInputStream(data, MAGIC.length, data.length - 4 - MAGIC.length));
    try {
      int version = in.readInt();
      if (version != VERSION) {
        throw new CheckpointException(
            path + ": checkpoint version " + version + ", this trainer reads version " + VERSION);
      }
      int[] layers = new int[in.readInt()];
      for (int i = 0; i < layers.length; i++) {
        layers[i] = in.readInt();
      }
      TrainConfig c =
          new TrainConfig(
              layers,
              in.readInt(),
              in.readInt(),
              in.readFloat(),
              in.readFloat(),
              Loss.fromOption(in.readUTF()),
              in.readUTF(),
              in.readBoolean(),
              in.readBoolean(),
              in.readBoolean(),
              in.readFloat(),
              in.readFloat(),
              in.readFloat(),
              in.readFloat(),
              in.readLong());
      Trainer t = new Trainer(c, gemm);
      int epochs = in.readInt();
      long steps = in.readLong();
      double best = in.readDouble();
      Trainer.DataShape shape = new Trainer.DataShape(in.readInt(), in.readInt(), in.readInt());
      int n = in.readInt();
      List<EpochResult> history = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        history.add(
            new EpochResult(
                in.readInt(),
                in.readInt(),
                in.readFloat(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readBoolean()));
      }
      List<float[]> arrays = arrays(t);
      int count = in.readInt();
      if (count != arrays.size()) {
        throw new CheckpointException(
            path + ": " + count + " state arrays, the configuration needs " + arrays.size());
      }
      for (int k = 0; k < count; k++) {
        float[] a = arrays.get(k);
        int len = in.readInt();
        if (len != a.length) {
          throw new CheckpointException(
              path + ": state array " + k + " has " + len + " values, expected " + a.length);
        }
        for (int i = 0; i < len; i++) {
          a[i] = in.readFloat();
        }
      }
      byte[] model = new byte[in.readInt()];
      in.readFully(model);
      Network bestNet =
          model.length == 0
              ? null
              : ModelFile.parse(new String(model, StandardCharsets.UTF_8), path + " (best model)");
      if (in.available() != 0) {
        throw new CheckpointException(
            path + ": " + in.available() + " unexpected bytes at the end");
      }
      t.optimizer().restoreSteps(steps);
      t.restore(epochs, best, bestNet, history, shape);
      return t;
    } catch (EOFException e) {
      throw new CheckpointException(path + ": the checkpoint ends early");
    } catch (IOException | ModelFormatException e) {
      throw new CheckpointException(path + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(path + ": invalid configuration: " + e.getMessage());
    }
  }
}
