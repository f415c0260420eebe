package org.signum.energy;

/** Whether an entry scales with the technology node of the chip being modelled. */
public enum Scaling {
  /** On-chip CMOS logic or memory: scaled by the technology-scaling table. */
  CMOS("cmos"),
  /** Not made in the chip's process (off-chip DRAM): never scaled. */
  NONE("none");

  private final String text;

  Scaling(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  static Scaling byText(String text) {
    for (Scaling s : values()) {
      if (s.text.equals(text)) {
        return s;
      }
    }
    return null;
  }
}
