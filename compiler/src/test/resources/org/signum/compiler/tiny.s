; Network 'tiny' compiled by the Signum compiler for machine 'w64'
; (vector_width 64, accumulator_width 32, weights resident in wmem).
;
; Host interface, all in amem: write the input (its padding bits 0), restart, run to
; halt, read the results.
;   input    'x': 5 bits, padding 0
;   act2     's': 2 bits, padding 0
;   scores   'scores': 3 signed 32-bit words
;   class    'class': 1 signed 32-bit word, the first index of the largest score
;
; Memory used: wmem 40, tmem 8, amem 32, dram 0 bytes.

        .text
start:

; ---- layer 1 'fc': dense 5 -> 2, then threshold 's' on the popcount p ----
        li      r6, l1_t                ; thresholds
        li      r7, act2
        li      r4, 0                   ; output bit index
        vclr    v2                      ; output row; bits past the last neuron stay 0
        vld     v3, amem[input + 0]     ; the input stays in registers
        li      r5, l1_w                ; weight rows
        li      r1, 2                   ; neurons
l1_neuron:
        aclr    a0
        vld     v0, wmem[r5]+
        xpopacc a0, v0, v3
        thr     v2, r4, a0, tmem[r6]+   ; bit r4 = a0 >= T
        addi    r4, r4, 1
        loop    r1, l1_neuron
        vst     v2, amem[r7]+           ; the last, partly filled row

; ---- layer 3 'out': dense 2 -> 3, then scores 'scores' ----
        li      r7, scores
        vld     v3, amem[act2 + 0]      ; the input stays in registers
        li      r5, l3_w                ; weight rows
        li      r1, 3                   ; neurons
l3_neuron:
        aclr    a0
        vld     v0, wmem[r5]+
        xpopacc a0, v0, v3
        ashacc  a0, a0, 0               ; a0 = 2p
        aaddi   a0, -2                  ; score = 2p - N
        sta     a0, amem[r7]+
        loop    r1, l3_neuron

; ---- layer 'class': argmax over 3 scores, the first maximum winning ----
        li      r1, scores
        lw      r2, amem[r1]+           ; best score so far
        li      r3, 0                   ; its class
        li      r4, 1                   ; class being looked at
        li      r5, 2
argmax_next:
        lw      r6, amem[r1]+
        bge     r2, r6, argmax_keep     ; replace only on a strictly larger score
        mv      r2, r6
        mv      r3, r4
argmax_keep:
        addi    r4, r4, 1
        loop    r5, argmax_next
        sw      r3, amem[class]

        halt

        .section wmem
l1_w:
        .rowx   "af", 1                 ; layer 'fc': 2 rows of 5 weights, padding 1
        .rowx   "a7", 1
l3_w:
        .rowx   "f", 1                  ; layer 'out': 3 rows of 2 weights, padding 1
        .rowx   "b", 1
        .rowx   "7", 1

        .section tmem
l1_t:
        .word   3, 3                    ; layer 's': fires iff p >= T

        .section amem
input:
        .space  8                       ; 'x': 5 bits, padding 0
act2:
        .space  8                       ; 's': 2 bits, padding 0
scores:
        .space  12                      ; 'scores': 3 signed 32-bit words
class:
        .space  4                       ; 'class': 1 signed 32-bit word
