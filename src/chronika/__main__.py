from chronika.cli import main

main()
