package org.signum.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Ap2Test {
  @Test
  void roundsToTheNearestPowerOfTwoInTheLogDomain() {
    assertEquals(1f, Ap2.of(1f));
    assertEquals(1f, Ap2.of(1.4f));
    assertEquals(2f, Ap2.of(1.5f));
    assertEquals(0.25f, Ap2.of(0.3f));
    assertEquals(-8f, Ap2.of(-7f));
    assertEquals(-4f, Ap2.of(-5f));
    assertEquals(0f, Ap2.of(0f));
    assertEquals(0x1p-20f, Ap2.of(1e-6f));
  }
}
