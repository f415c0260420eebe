; dot.s: the XNOR-popcount dot product of two rows of +1/-1 values.
;
;   dot(w, x) = 2 * popcount(XNOR(w, x)) - N
;
; Both rows have N = 300 elements, which is not a multiple of the vector width.
; The weight row is padded with 1 bits and the input row with 0 bits, so every
; padding position has XNOR 0 and the popcount counts the N real elements only.
; The result is stored as a 32-bit score at `result` in amem.

        .equ    N, 300
        .equ    CHUNKS, (N + VECTOR_WIDTH - 1) / VECTOR_WIDTH

        .text
start:  li      r1, w                   ; weight row (wmem byte address)
        li      r2, x                   ; input row (amem byte address)
        li      r3, CHUNKS
        aclr    a0
1:      vld     v1, wmem[r1]+           ; next VECTOR_WIDTH bits of each row
        vld     v2, amem[r2]+
        xpopacc a0, v1, v2              ; a0 += agreements in this chunk
        loop    r3, 1b
        aclr    a1
        ashacc  a1, a0, 1               ; a1 = 2 * popcount
        aaddi   a1, -N                  ; a1 = dot product
        sta     a1, amem[result]
        halt

        .section wmem
w:      .rowpm  "+-++---++++-+-+--+-----+-+---+-+----+--+------+++++--+-++--------+--+++---+-----+---+---+--+---++-+-+++-+++++--++--++-+-+-++---++-++-++--++-----+--+++---++-+++++-+-++++++----+--+-+------+---+-+++++---++-+-++-+--++-+-+++-++--+--+--++---+++++-++---+--+--+-----+-+---+---+-++++++++--+-+----+-++++--++++-", 1

        .section amem
x:      .rowpm  "----++++---+++-+++--+--+------++-+-+--+++---++++-+--++++----+++----+-++---+++-+++++-+--+++++--++---+---++---+++---++-------++-+----++-+---+----+-+-++-----+---+-+---+-++--+-----++++--++---+++++-+-++-+-+++--+++----------+-++----+----++-+--+-----+++--+++-++-++--+---+++++++--++--+-+++++--+-+-+--+-++-+++", 0
result: .word   0
