// Reads a workbook through the installed headers and library and prints its sheet names.
#include <readers/xlsx_reader.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  jixiao::Diagnostics diags;
  auto wb = jixiao::read_xlsx_file(argv[1], diags);
  if (!wb) {
    std::cerr << wb.error().to_text() << '\n';
    return 3;
  }
  for (const auto& s : wb->sheets) std::cout << "consumer: sheet " << s.name << '\n';
  return 0;
}
