// Stub.
int main() { return 0; }
