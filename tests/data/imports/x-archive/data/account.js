window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "someone@example.org",
      "createdVia" : "web",
      "username" : "QuintinPope5",
      "accountId" : "1050000000000000001",
      "createdAt" : "2018-10-10T12:00:00.000Z",
      "accountDisplayName" : "Quintin Pope"
    }
  }
]
