import LineOfSightServer

await LineOfSightMain.run()
