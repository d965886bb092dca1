/* The floor for process start-up in `make bench`: the least a program can do is start, print one
   line and exit. cpms start-up is compared with this (built with gcc -O2 by bench.sh). */
#include <stdio.h>

int main(void) {
  puts("floor");
  return 0;
}
