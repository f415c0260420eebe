; Signum disassembly. Assemble with a machine that has these parameters:
;   vector_width = 256
;   vector_registers = 16
;   scalar_registers = 8
;   accumulators = 8
;   accumulator_width = 32
;   imem_words = 64
;   wmem_bytes = 64
;   amem_bytes = 32
;   tmem_bytes = 16
;   dram_bytes = 64
; symbol weights: wmem 0
; symbol N: constant 4

        .text
main:
        li r1, 4
        aclr a0
loop:
        vld v1, wmem[r2]+
        vld v2, amem[r3 + 8]+
; symbol r3 (not usable as a label name)
        xpopacc a0, v1, v2
        loop r1, loop
        beq r0, r0, L8_1
        .inst 0x00000000000000ff ; illegal: unassigned opcode 0xff
L8_1:
        sta a0, tmem[r0 + 4]
        .inst 0x0000000100000908 ; illegal: r9, but the machine has 8 scalar registers (scalar_registers)
        .inst 0xffffffec00000026 ; j -10: target outside the code
L8:
1:
; symbol loop (already defined at 2)
        halt
end:
        .entry main

        .section wmem
        .org 0x0
        .dword 0x1716151413121110, 0x1f1e1d1c1b1a1918
        .byte 0x20, 0x21, 0x22

        .section amem
        .org 0x4
        .byte 0x01, 0x02, 0x03, 0x04
        .dword 0x0c0b0a0908070605

        .section tmem
        .org 0x8
        .byte 0xff, 0x00, 0x00, 0x00
