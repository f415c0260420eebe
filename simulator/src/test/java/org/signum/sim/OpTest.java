package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.signum.isa.Opcode;

class OpTest {

  @Test
  void everyOpcodeHasADispatchConstantWithItsNumber() throws Exception {
    for (Opcode op : Opcode.values()) {
      Field f = Op.class.getDeclaredField(op.name());
      assertEquals(op.code(), f.getInt(null), op.name());
    }
  }

  @Test
  void everyDispatchConstantIsAnOpcodeOrIllegal() throws Exception {
    for (Field f : Op.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      if (f.getName().equals("ILLEGAL")) {
        assertNull(Opcode.byCode(f.getInt(null)));
      } else {
        assertEquals(Opcode.valueOf(f.getName()), Opcode.byCode(f.getInt(null)));
      }
    }
  }
}
