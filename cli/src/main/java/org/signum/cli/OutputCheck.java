package org.signum.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signum.asm.ObjectFile;
import org.signum.compiler.CompiledProgram;
import org.signum.compiler.HostInterface;
import org.signum.compiler.golden.Evaluation;
import org.signum.compiler.golden.GoldenReference;
import org.signum.compiler.golden.LayerValue;
import org.signum.compiler.ir.Network;
import org.signum.isa.MemorySpace;
import org.signum.sim.Simulator;
import org.signum.sim.SimulatorException;

/**
 * Compares everything a compiled network's program stores for one input (each layer output it
 * keeps, the scores and the class) with the golden reference: that of the folded network, which the
 * program computes, and that of the model as loaded, whose layers keep their names through the
 * folds. The model's scores are compared only when they are integers (a per-class affine turns them
 * into ranks of floats in the folded network).
 */
final class OutputCheck {
  private static final String FOLDED = "the folded network's golden reference";
  private static final String MODEL = "the model's golden reference";

  private final HostInterface host;
  private final Network model;
  private final GoldenReference folded;
  private final GoldenReference original;
  private final Map<String, Integer> addresses = new HashMap<>();

  OutputCheck(CompiledProgram program, Network model, ObjectFile object) {
    this.host = program.host();
    this.model = model;
    this.folded = new GoldenReference(program.folded());
    this.original = new GoldenReference(model);
    for (ObjectFile.Symbol s : object.symbols()) {
      addresses.put(s.name(), (int) s.value());
    }
  }

  /**
   * What is compared for each input: {@code 4 layer outputs of 976 values in all, 10 scores and the
   * class}.
   */
  String scope() {
    List<String> parts = new ArrayList<>();
    int values = host.activations().stream().mapToInt(HostInterface.Buffer::elements).sum();
    int layers = host.activations().size();
    if (layers > 0) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%d layer output%s of %,d values in all",
              layers,
              layers == 1 ? "" : "s",
              values));
    }
    host.scores().ifPresent(b -> parts.add(b.elements() + " scores"));
    host.classIndex().ifPresent(b -> parts.add("the class"));
    int last = parts.size() - 1;
    return last < 1
        ? String.join("", parts)
        : String.join(", ", parts.subList(0, last)) + " and " + parts.get(last);
  }

  /**
   * Every disagreement between what {@code sim} holds after running input {@code x}, image number
   * {@code image}, and the golden references, one line each; empty when everything agrees.
   */
  List<String> compare(Simulator sim, int image, int[] x) throws SimulatorException {
    Evaluation want = folded.evaluate(x);
    Evaluation before = original.evaluate(x);
    List<String> out = new ArrayList<>();
    for (HostInterface.Buffer b : host.activations()) {
      int[] got = HostInterface.unpackBipolar(read(sim, b), b.elements());
      String where = "image " + image + ", layer '" + b.layer() + "'";
      differ(out, where, got, want.layer(b.layer()), FOLDED);
      if (model.indexOf(b.layer()) >= 0) {
        differ(out, where, got, before.layer(b.layer()), MODEL);
      }
    }
    if (host.scores().isPresent()) {
      HostInterface.Buffer b = host.scores().get();
      int[] got = HostInterface.unpackWords(read(sim, b), b.elements());
      String where = "image " + image + ", scores";
      differ(out, where, got, want.scores(), FOLDED);
      if (!before.scores().isFloat()) {
        differ(out, where, got, before.scores(), MODEL);
      }
    }
    if (host.classIndex().isPresent()) {
      int got = HostInterface.unpackWords(read(sim, host.classIndex().get()), 1)[0];
      String where = "image " + image + ", class";
      if (got != want.classIndex()) {
        out.add(where + ": " + got + " on the machine, " + want.classIndex() + " in " + FOLDED);
      }
      if (got != before.classIndex()) {
        out.add(where + ": " + got + " on the machine, " + before.classIndex() + " in " + MODEL);
      }
    }
    return out;
  }

  private byte[] read(Simulator sim, HostInterface.Buffer b) throws SimulatorException {
    Integer address = addresses.get(b.symbol());
    if (address == null) {
      throw new IllegalStateException(
          "the compiled program defines no symbol '" + b.symbol() + "'");
    }
    return sim.readMemory(MemorySpace.AMEM, address, b.bytes());
  }

  /** Adds a line to {@code out} when {@code got} and {@code want} differ anywhere. */
  private static void differ(
      List<String> out, String where, int[] got, LayerValue want, String reference) {
    if (want.isFloat() || want.size() != got.length) {
      out.add(
          where
              + ": the machine stores "
              + got.length
              + " integers, "
              + reference
              + " has "
              + want.size()
              + (want.isFloat() ? " floats" : " values"));
      return;
    }
    int first = -1;
    int count = 0;
    for (int i = 0; i < got.length; i++) {
      if (got[i] != want.intAt(i)) {
        first = first < 0 ? i : first;
        count++;
      }
    }
    if (count > 0) {
      out.add(
          String.format(
              Locale.ROOT,
              "%s: %d of %d values differ, the first at element %d: %d on the machine, %d in %s",
              where,
              count,
              got.length,
              first,
              got[first],
              want.intAt(first),
              reference));
    }
  }
}
