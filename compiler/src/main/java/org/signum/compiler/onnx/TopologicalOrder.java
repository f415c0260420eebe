package org.signum.compiler.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders nodes so that each comes after the producers of its inputs, keeping the file's order where
 * the wiring allows, and names the tensors or nodes at fault when no order exists.
 */
final class TopologicalOrder {
  private TopologicalOrder() {}

  /**
   * The nodes in a valid order. {@code available} are the tensors present before any node runs:
   * graph inputs and initializers.
   */
  static List<NodeDef> sort(List<NodeDef> nodes, Set<String> available) {
    Map<String, Integer> producer = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (String out : nodes.get(i).outputs()) {
        if (out.isEmpty()) {
          continue;
        }
        if (available.contains(out)) {
          throw new ModelException(
              nodes.get(i).describe()
                  + " writes '"
                  + out
                  + "', which is already a graph input or initializer");
        }
        Integer previous = producer.put(out, i);
        if (previous != null) {
          throw new ModelException(
              "tensor '"
                  + out
                  + "' is written by both "
                  + nodes.get(previous).describe()
                  + " and "
                  + nodes.get(i).describe());
        }
      }
    }
    int[] waiting = new int[nodes.size()];
    List<List<Integer>> consumers = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      consumers.add(new ArrayList<>());
    }
    for (int i = 0; i < nodes.size(); i++) {
      for (String in : nodes.get(i).inputs()) {
        if (in.isEmpty() || available.contains(in)) {
          continue;
        }
        Integer p = producer.get(in);
        if (p == null) {
          throw new ModelException(
              nodes.get(i).describe()
                  + " reads tensor '"
                  + in
                  + "', which no node, initializer or graph input provides");
        }
        waiting[i]++;
        consumers.get(p).add(i);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    List<NodeDef> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      int i = ready.poll();
      order.add(nodes.get(i));
      for (int c : consumers.get(i)) {
        if (--waiting[c] == 0) {
          ready.add(c);
        }
      }
    }
    if (order.size() < nodes.size()) {
      List<String> stuck = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        if (waiting[i] > 0) {
          stuck.add(nodes.get(i).describe());
        }
      }
      throw new ModelException(
          "the graph has a cycle: these nodes wait on each other's outputs: "
              + String.join(", ", stuck));
    }
    return order;
  }
}
