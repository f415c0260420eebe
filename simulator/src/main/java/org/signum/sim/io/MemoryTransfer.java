package org.signum.sim.io;

import java.nio.file.Path;
import org.signum.isa.MemorySpace;
import org.signum.sim.Simulator;
import org.signum.sim.SimulatorException;

/** Carries out {@code --load} and {@code --dump} specs against a simulator. */
public final class MemoryTransfer {
  private MemoryTransfer() {}

  /**
   * Loads the spec's file into its memory at its address. With a length, the file's data must be
   * exactly that many bytes, a guard against loading the wrong file.
   */
  public static void load(Simulator sim, MemorySpec spec) throws DataFileException {
    byte[] data = DataFiles.read(spec.file());
    if (spec.length().isPresent() && spec.length().getAsInt() != data.length) {
      throw new DataFileException(
          "--load "
              + spec
              + ": the file holds "
              + data.length
              + " bytes of data, the spec says "
              + spec.length().getAsInt());
    }
    try {
      sim.writeMemory(spec.memory(), spec.address(), data);
    } catch (SimulatorException e) {
      throw new DataFileException("--load " + spec + ": " + e.getMessage());
    }
  }

  /**
   * Writes the spec's memory range to its file: {@code length} bytes, or without a length
   * everything from the address to the end of the memory. A file name ending in {@code .npy} gets a
   * one-dimensional {@code |u1} array; any other name gets raw bytes.
   */
  public static void dump(Simulator sim, MemorySpec spec) throws DataFileException {
    MemorySpace m = spec.memory();
    int length =
        spec.length().isPresent()
            ? spec.length().getAsInt()
            : Math.max(0, sim.memorySize(m) - spec.address());
    byte[] data;
    try {
      data = sim.readMemory(m, spec.address(), length);
    } catch (SimulatorException e) {
      throw new DataFileException("--dump " + spec + ": " + e.getMessage());
    }
    Path file = spec.file();
    if (file.getFileName() != null && file.getFileName().toString().endsWith(".npy")) {
      DataFiles.writeNpy(file, data, "|u1", new long[] {data.length});
    } else {
      DataFiles.writeRaw(file, data);
    }
  }
}
