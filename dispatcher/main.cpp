#include <cstdio>
int main() { std::puts("VERSION 3.0"); return 0; }
