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

        .text
L0:
        nop
        halt
        dwait
        li r1, -7
        add r1, r2, r3
        sub r1, r2, r3
        and r1, r2, r3
        or r1, r2, r3
        xor r1, r2, r3
        sll r1, r2, r3
        srl r1, r2, r3
        sra r1, r2, r3
        mul r1, r2, r3
        slt r1, r2, r3
        sltu r1, r2, r3
        addi r1, r2, -7
        andi r1, r2, -7
        ori r1, r2, -7
        xori r1, r2, -7
        slli r1, r2, 5
        srli r1, r2, 5
        srai r1, r2, 5
        slti r1, r2, -7
        beq r2, r3, L0
        bne r2, r3, L0
        blt r2, r3, L0
        bge r2, r3, L0
        bltu r2, r3, L0
        bgeu r2, r3, L0
        j L0
        jal r1, L0
        jr r2
        loop r1, L0
        lw r1, amem[r2 + 16]+
        sw r1, amem[r2 + 16]+
        vld v1, amem[r2 + 16]+
        vst v1, amem[r2 + 16]+
        vxnor v1, v2, v3
        vand v1, v2, v3
        vor v1, v2, v3
        vxor v1, v2, v3
        vnot v1, v2
        vmov v1, v2
        vclr v1
        vmask v1, r2
        popacc a1, v2
        xpopacc a1, v2, v3
        apopacc a1, v2, v3
        aclr a1
        aaddi a1, -7
        ashacc a1, a2, 5
        ashsub a1, a2, 5
        aset a1, r2
        aget r1, a2
        thr v1, r3, a4, amem[r2 + 16]+
        thr.r v1, r3, a4, amem[r2 + 16]+
        sta a1, amem[r2 + 16]+
        dma.ld amem[r2 + 16], r3, r4
        dma.st amem[r2 + 16], r3, r4
        .entry L0
